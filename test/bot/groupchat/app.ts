import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { fixedClock } from '../../../src/core/clock.js';
import { configSchema } from '../../../src/config/schema.js';
import type { FormSpec } from '../../../src/flows/engine/form.js';
import { createLogger, type Logger } from '../../../src/log/logger.js';
import type { StoredRecord } from '../../../src/store/records.js';
import { TODAY } from '../../helpers/harness.js';

/** Collects the bot's log lines, so a test can wait for what a coordinator would see in the log. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) this.lines.push(JSON.parse(l) as Record<string, unknown>);
    cb();
  }
  has(msg: string | RegExp): boolean {
    return this.lines.some((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg))));
  }
  count(msg: string): number {
    return this.lines.filter((l) => l.msg === msg).length;
  }
  async waitFor(msg: string | RegExp): Promise<Record<string, unknown>> {
    await waitUntil(() => this.has(msg), `log line ${String(msg)}`);
    return this.lines.find((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg))))!;
  }
}

/** Polls until `cond` holds; fails with `what` after a while. Not a timing assertion: it only waits. */
export async function waitUntil(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface TestApp {
  app: App;
  logs: LogCapture;
  logger: Logger;
  dataDir: string;
  ledger(chatKey?: string): Promise<StoredRecord[]>;
  close(): Promise<void>;
}

/** A real App (Redis, engine, dispatcher) on the suite's redis-server, a random key prefix and a temp data dir. */
export async function openTestApp(
  platforms: Record<string, unknown> = {},
  opts: { prefix?: string; dataDir?: string; keep?: boolean; forms?: readonly FormSpec[] } = {},
): Promise<TestApp> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'bangfu-gc-'));
  const prefix = opts.prefix ?? `test-${randomUUID()}:`;
  const config = configSchema.parse({ dataDir, platforms, redis: { url: inject('redisUrl'), keyPrefix: prefix } });
  const logs = new LogCapture();
  const logger = createLogger('debug', logs);
  const app = await createApp(config, logger, { clock: fixedClock(TODAY), env: {}, ...(opts.forms ? { forms: opts.forms } : {}) });
  return {
    app,
    logs,
    logger,
    dataDir,
    async ledger(chatKey) {
      const out: StoredRecord[] = [];
      for await (const r of app.records.scan({ form: 'ledger', ...(chatKey ? { chatKey } : {}) })) out.push(r);
      return out;
    },
    async close() {
      await app.dispatcher.idle();
      const stale = await app.redis.keys(`${prefix}*`);
      // `keep`: a "restarted process" opens the same prefix and data dir after this one.
      if (stale.length && !opts.keep) await app.redis.del(...stale);
      await app.close();
      if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const FAST = { minDelayMs: 0, maxDelayMs: 5 };
export const FAST_SENDER = { idlePollMs: 20, retryDelayMs: 10, leaseMs: 2000 };
