import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Outbox, type OutboxItem } from '../../../src/store/outbox.js';
import { PacedSender, pacingDelay, PermanentSendError, type SenderOptions } from '../../../src/bot/groupchat/sender.js';
import { createLogger } from '../../../src/log/logger.js';
import { createKeys, type Keys } from '../../../src/store/keys.js';
import { connectRedis, type BangfuRedis } from '../../../src/store/redis.js';
import { LogCapture, waitUntil } from './app.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const prefix = (): string => `test-${randomUUID()}:`;

/** One "process": its own Redis connection, the outbox of `account`, files under `dir`. */
function proc(p: string, account: string, dir: string): { redis: BangfuRedis; keys: Keys; outbox: Outbox } {
  const redis = connectRedis(inject('redisUrl'));
  const keys = createKeys(p);
  cleanups.push(async () => {
    if (redis.status === 'ready') {
      const stale = await redis.keys(`${p}*`);
      if (stale.length) await redis.del(...stale);
      await redis.quit();
    } else {
      redis.disconnect();
    }
  });
  return { redis, keys, outbox: new Outbox(redis, keys, account, dir) };
}

function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bangfu-outbox-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

const logs = new LogCapture();
const logger = createLogger('debug', logs);

function sender(outbox: Outbox, deliver: SenderOptions['deliver'], over: Partial<SenderOptions> = {}): PacedSender {
  const s = new PacedSender({
    outbox,
    deliver,
    isReady: () => true,
    logger,
    minDelayMs: 0,
    maxDelayMs: 2,
    idlePollMs: 20,
    leaseMs: 300,
    retryDelayMs: 5,
    ...over,
  });
  cleanups.push(() => s.stop());
  return s;
}

const text = (t: string, chatId = 'g1') => ({ target: { chatId, kind: 'group' as const }, body: { kind: 'text' as const, text: t } });
const textOf = (i: OutboxItem): string => (i.body.kind === 'text' ? i.body.text : `[file ${i.body.fileName}]`);

describe('pacing', () => {
  it('the pause after a message is jittered within [min, max]', () => {
    const p = { minDelayMs: 1000, maxDelayMs: 3000 };
    expect([0, 0.25, 0.5, 1].map((r) => pacingDelay(p, () => r))).toEqual([1000, 1500, 2000, 3000]);
    const samples = Array.from({ length: 2000 }, () => pacingDelay(p));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(3000);
    // Spread out, not stuck at one end.
    expect(new Set(samples.map((s) => Math.min(3, Math.floor((s - 1000) / 500)))).size).toBe(4);
    expect(pacingDelay({ minDelayMs: 0, maxDelayMs: 0 })).toBe(0);
  });

  it('the sender pauses once after every message, by the configured jitter', async () => {
    const { outbox } = proc(prefix(), 'wechat', tmp());
    const delivered: string[] = [];
    const pauses: number[] = [];
    const rs = [0, 0.5, 1, 0.25];
    let k = 0;
    const s = sender(outbox, async (i) => void delivered.push(textOf(i)), {
      minDelayMs: 1000,
      maxDelayMs: 3000,
      random: () => rs[k++ % rs.length]!,
      pause: async (ms) => void pauses.push(ms),
    });
    await outbox.enqueue(['一', '二', '三', '四'].map((t) => text(t)));
    s.start();
    await waitUntil(() => pauses.length === 4, 'four pauses');
    expect(delivered).toEqual(['一', '二', '三', '四']);
    expect(pauses).toEqual([1000, 2000, 3000, 1500]);
  });

  it('keeps order per account, and one account’s pause does not hold up another', async () => {
    const p = prefix();
    const dir = tmp();
    const a = proc(p, 'wechat', dir).outbox;
    const b = proc(p, 'qq', dir).outbox;
    const got: Record<string, string[]> = { wechat: [], qq: [] };
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    // wechat pauses (indefinitely, until released) after its first message; qq goes on meanwhile.
    const sa = sender(a, async (i) => void got.wechat!.push(textOf(i)), { pause: () => held });
    const sb = sender(b, async (i) => void got.qq!.push(textOf(i)));
    for (let i = 1; i <= 5; i++) {
      await a.enqueue([text(`w${i}`)]);
      await b.enqueue([text(`q${i}`)]);
    }
    sa.start();
    sb.start();
    await waitUntil(() => got.qq!.length === 5, 'qq to finish');
    expect(got.wechat).toEqual(['w1']);
    release();
    await waitUntil(() => got.wechat!.length === 5, 'wechat to finish');
    expect(got).toEqual({ wechat: ['w1', 'w2', 'w3', 'w4', 'w5'], qq: ['q1', 'q2', 'q3', 'q4', 'q5'] });
  });
});

describe('the Redis outbox survives restarts', () => {
  it('a sender that dies mid-send: its successor delivers everything once, in order', async () => {
    const p = prefix();
    const dir = tmp();
    const first = proc(p, 'wechat', dir);
    const delivered: string[] = [];
    await first.outbox.enqueue(['m1', 'm2', 'm3', 'm4', 'm5'].map((t) => text(t)));
    // The first process hangs for ever in the middle of sending m3, then its connection dies.
    const dead = new PacedSender({
      outbox: first.outbox,
      logger,
      isReady: () => true,
      minDelayMs: 0,
      maxDelayMs: 0,
      idlePollMs: 20,
      leaseMs: 300,
      deliverTimeoutMs: 600_000,
      deliver: (i) => (textOf(i) === 'm3' ? new Promise<void>(() => undefined) : Promise.resolve(void delivered.push(textOf(i)))),
    });
    dead.start();
    await waitUntil(
      async () => delivered.length === 2 && (await first.redis.llen(first.keys.outboxSending('wechat'))) === 1,
      'the first sender to be stuck on m3',
    );
    first.redis.disconnect();

    const second = proc(p, 'wechat', dir);
    expect(await second.outbox.pending()).toBe(3);
    const s = sender(second.outbox, async (i) => void delivered.push(textOf(i)));
    s.start();
    await waitUntil(() => delivered.length === 5, 'the successor to finish');
    expect(delivered).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    await waitUntil(async () => (await second.outbox.pending()) === 0, 'an empty outbox');
  });

  it('a stopped sender hands over at once; messages queued while none runs are delivered by the next', async () => {
    const p = prefix();
    const dir = tmp();
    const one = proc(p, 'qq', dir);
    const delivered: string[] = [];
    const s1 = sender(one.outbox, async (i) => void delivered.push(textOf(i)));
    s1.start();
    await one.outbox.enqueue([text('a'), text('b')]);
    await waitUntil(() => delivered.length === 2, 'a, b');
    await s1.stop();
    await one.outbox.enqueue([text('c'), text('d')]);
    const two = proc(p, 'qq', dir);
    sender(two.outbox, async (i) => void delivered.push(textOf(i))).start();
    await waitUntil(() => delivered.length === 4, 'c, d');
    expect(delivered).toEqual(['a', 'b', 'c', 'd']);
  });

  it('two processes running a sender for the same account deliver each message once, in order', async () => {
    const p = prefix();
    const dir = tmp();
    const x = proc(p, 'wechat', dir);
    const y = proc(p, 'wechat', dir);
    const delivered: string[] = [];
    sender(x.outbox, async (i) => void delivered.push(textOf(i))).start();
    sender(y.outbox, async (i) => void delivered.push(textOf(i))).start();
    const all = Array.from({ length: 20 }, (_, i) => `n${i + 1}`);
    for (const [i, t] of all.entries()) await (i % 2 ? x : y).outbox.enqueue([text(t)]);
    await waitUntil(() => delivered.length >= 20, 'all twenty');
    expect(delivered).toEqual(all);
  });
});

describe('failures', () => {
  it('a message that keeps failing goes to the dead letters after maxAttempts; the queue moves on', async () => {
    const { outbox } = proc(prefix(), 'wechat', tmp());
    const delivered: string[] = [];
    let tries = 0;
    sender(
      outbox,
      async (i) => {
        if (textOf(i) === 'bad') {
          tries++;
          throw new Error('rate limited');
        }
        delivered.push(textOf(i));
      },
      { maxAttempts: 3 },
    ).start();
    await outbox.enqueue([text('bad'), text('good')]);
    await waitUntil(() => delivered.length === 1, 'the next message');
    expect(tries).toBe(3);
    expect((await outbox.dead()).map(textOf)).toEqual(['bad']);
  });

  it('a send that hangs counts as a failed attempt instead of stalling the queue', async () => {
    const { outbox } = proc(prefix(), 'wechat', tmp());
    const delivered: string[] = [];
    let hung = 0;
    sender(
      outbox,
      (i) => {
        if (textOf(i) === 'hang' && hung++ === 0) return new Promise<void>(() => undefined);
        delivered.push(textOf(i));
        return Promise.resolve();
      },
      { deliverTimeoutMs: 50 },
    ).start();
    await outbox.enqueue([text('hang'), text('after')]);
    await waitUntil(() => delivered.length === 2, 'both');
    expect(delivered).toEqual(['hang', 'after']);
  });

  it('a permanent failure is not retried', async () => {
    const { outbox } = proc(prefix(), 'wechat', tmp());
    let tries = 0;
    const delivered: string[] = [];
    sender(outbox, async (i) => {
      if (textOf(i) === 'gone') {
        tries++;
        throw new PermanentSendError('group dissolved');
      }
      delivered.push(textOf(i));
    }).start();
    await outbox.enqueue([text('gone'), text('next')]);
    await waitUntil(() => delivered.length === 1, 'the next message');
    expect(tries).toBe(1);
  });

  it('nothing is taken while the account is offline; it all goes out when it is back', async () => {
    const { outbox } = proc(prefix(), 'qq', tmp());
    let online = false;
    let checks = 0;
    const delivered: string[] = [];
    const s = sender(outbox, async (i) => void delivered.push(textOf(i)), { isReady: () => (checks++, online) });
    await outbox.enqueue([text('x'), text('y')]);
    s.start();
    await waitUntil(() => checks >= 3, 'the sender to look a few times');
    expect(await outbox.pending()).toBe(2);
    expect(delivered).toEqual([]);
    online = true;
    s.wake();
    await waitUntil(() => delivered.length === 2, 'delivery after reconnect');
    expect(delivered).toEqual(['x', 'y']);
  });

  it('an outgoing file is kept under the data dir until delivered, then removed', async () => {
    const dir = tmp();
    const { outbox } = proc(prefix(), 'wechat', dir);
    const file = await outbox.saveFile('台账.xlsx', Buffer.from('xlsx bytes'));
    expect(file.startsWith(dir)).toBe(true);
    await outbox.enqueue([
      {
        target: { chatId: 'g1', kind: 'group' },
        body: { kind: 'file', path: file, fileName: '台账.xlsx', mime: 'application/octet-stream' },
      },
    ]);
    const seen: boolean[] = [];
    sender(outbox, async () => void seen.push(existsSync(file))).start();
    await waitUntil(() => seen.length === 1 && !existsSync(file), 'delivery and cleanup');
    expect(seen).toEqual([true]);
  });
});
