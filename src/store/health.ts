import { Redis } from 'ioredis';

/** What `bangfu doctor` needs to know of a Redis: can we reach it, and will a write survive a power cut? */
export type RedisHealth =
  | { reachable: false; error: string }
  /** persistence undefined: the server does not let us read CONFIG (common on hosted Redis). */
  | { reachable: true; persistence: { appendonly: string | undefined; appendfsync: string | undefined } | undefined };

/**
 * Connects once (no retries, 3 s), pings, and reads the AOF settings. A plain client without
 * bangfu's scripts: a probe must not wait for reconnects or send anything but PING and CONFIG GET.
 */
export async function probeRedis(url: string): Promise<RedisHealth> {
  const r = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: 3000 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    r.disconnect();
    return { reachable: false, error: (e as Error).message };
  }
  let persistence: { appendonly: string | undefined; appendfsync: string | undefined } | undefined;
  try {
    const appendonly = ((await r.config('GET', 'appendonly')) as string[])[1];
    const appendfsync = ((await r.config('GET', 'appendfsync')) as string[])[1];
    persistence = { appendonly, appendfsync };
  } catch {
    persistence = undefined;
  }
  r.disconnect();
  return { reachable: true, persistence };
}
