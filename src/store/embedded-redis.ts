import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { BangfuError } from '../core/errors.js';
import type { Logger } from '../log/logger.js';

/** Raised when the embedded default cannot run; `message` is the one-line fix for the coordinator. */
export class EmbeddedRedisError extends BangfuError {
  override name = 'EmbeddedRedisError';

  constructor(message: string) {
    super('redis.embedded', message);
  }
}

export interface EmbeddedRedis {
  /** ioredis connection string: the unix socket path. */
  url: string;
  /** True when a server left running by a killed bot was found and taken over. */
  adopted: boolean;
  stop(): Promise<void>;
}

export const NO_REDIS_SERVER =
  '找不到 redis-server：请先安装（Debian/Ubuntu：sudo apt-get install -y redis-server），或设置环境变量 REDIS_URL 指向已有的 Redis。';

export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not in this PATH entry */
    }
  }
  return undefined;
}

async function ping(socket: string, timeoutMs = 1000): Promise<Redis | undefined> {
  // ioredis arms a timer on disconnect() that only a later 'close' clears; when the server already
  // closed the socket (SHUTDOWN, refused connect) that timer would hold the process for 2 s.
  const r = new Redis({
    path: socket,
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    disconnectTimeout: 50,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    return r;
  } catch {
    r.disconnect();
    return undefined;
  }
}

/**
 * The zero-setup default: the machine's redis-server as a child, AOF with fsync on every write
 * (a confirmed ledger entry survives a power cut), listening only on a unix socket inside the
 * data dir. A server orphaned by `kill -9` of an earlier bot is recognised by its socket and
 * working dir and taken over instead of blocking start-up.
 */
export async function startEmbeddedRedis(dataDir: string, logger: Logger): Promise<EmbeddedRedis> {
  const dir = path.resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const socket = path.join(dir, 'redis.sock');
  // sun_path holds 107 bytes on Linux; a deeper data dir needs a shorter path.
  if (Buffer.byteLength(socket) > 100)
    throw new EmbeddedRedisError(`数据目录路径太长（${dir}）：请把 BANGFU_DATA_DIR 设短一些，或设置 REDIS_URL。`);

  if (existsSync(socket)) {
    const alive = await ping(socket);
    if (alive) {
      const reported = (await alive.config('GET', 'dir')) as string[];
      if (reported[1] === dir) {
        logger.warn({ dir }, 'adopted embedded redis left running by an earlier bot process');
        return { url: socket, adopted: true, stop: () => shutdown(alive) };
      }
      alive.disconnect();
      throw new EmbeddedRedisError(`${socket} 上有另一个 Redis 在运行（目录 ${String(reported[1])}）：请换一个 BANGFU_DATA_DIR。`);
    }
    unlinkSync(socket);
  }

  const bin = findRedisServer();
  if (!bin) throw new EmbeddedRedisError(NO_REDIS_SERVER);

  const logfile = path.join(dir, 'redis.log');
  const child = spawn(
    bin,
    [
      '--port',
      '0',
      '--unixsocket',
      socket,
      '--unixsocketperm',
      '700',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--daemonize',
      'no',
      '--logfile',
      logfile,
      '--pidfile',
      path.join(dir, 'redis.pid'),
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.once('exit', () => (exited = true));

  for (let waited = 0; waited < 10_000; waited += 50) {
    if (exited) break;
    if (existsSync(socket)) {
      const conn = await ping(socket, 500);
      if (conn) {
        logger.info({ dir, pid: child.pid }, 'embedded redis started');
        return { url: socket, adopted: false, stop: () => shutdown(conn, child) };
      }
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  const tail = existsSync(logfile) ? readFileSync(logfile, 'utf8').trim().split('\n').slice(-3).join(' | ') : '';
  throw new EmbeddedRedisError(`内置 Redis 没能启动：${tail || '原因不明'}（日志 ${logfile}）`);
}

/**
 * Stops the server only when this was its last client: a `bangfu export` that adopted the socket of
 * a running bot must not pull the bot's database away, while the last process out cleans up.
 */
async function shutdown(conn: Redis, child?: ReturnType<typeof spawn>): Promise<void> {
  // A client that just sent QUIT may still be listed for a moment: give it up to half a second.
  let others = 0;
  try {
    for (let i = 0; i < 10; i++) {
      others =
        String(await conn.call('CLIENT', 'LIST', 'TYPE', 'normal'))
          .trim()
          .split('\n').length - 1;
      if (others === 0) break;
      await sleep(50);
    }
  } catch {
    others = -1;
  }
  if (others !== 0) {
    conn.disconnect();
    return;
  }
  const gone = child && child.exitCode === null ? new Promise((r) => child.once('exit', r)) : Promise.resolve();
  try {
    // AOF with appendfsync always is already on disk; SHUTDOWN just closes cleanly.
    await conn.call('SHUTDOWN');
  } catch {
    /* the connection closes as the server exits: that is success */
  }
  if (conn.status !== 'end') conn.disconnect();
  // An unref'd cap: a server slow to exit must not keep this process alive for the whole wait.
  await Promise.race([gone, new Promise((r) => setTimeout(r, 5000).unref())]);
}
