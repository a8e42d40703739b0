/**
 * npm run bench — scripted 8-message ledger conversations through the real dispatcher, engine and
 * Redis (a redis-server this script starts). Prints throughput, latency at a fixed offered rate,
 * Redis round trips per message, the bare PING round trip as the floor, and the RSS cost of open
 * conversations. Two set-ups: the embedded default (unix socket, AOF fsync on every write) and a
 * TCP localhost Redis without persistence (what most benchmarks of other frameworks use).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assemble } from '../src/app.js';
import { configSchema } from '../src/config/schema.js';
import { fixedClock } from '../src/core/clock.js';
import type { InboundEvent, OutboundSink, ReplyTarget } from '../src/core/events.js';
import { createLogger } from '../src/log/logger.js';
import { connectRedis, type BangfuRedis } from '../src/store/redis.js';
import { telegrafBaseline } from './telegraf-baseline.js';

const LEDGER = ['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好', '确认'];
const gc = (globalThis as { gc?: () => void }).gc;

interface Setup {
  name: string;
  url: string;
  stop(): Promise<void>;
}

async function startRedis(name: string, args: string[], url: (dir: string) => string): Promise<Setup> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-bench-'));
  const child: ChildProcess = spawn('redis-server', ['--dir', dir, '--save', '', ...args.map((a) => a.replace('$DIR', dir))], {
    stdio: 'ignore',
  });
  const u = url(dir);
  for (let i = 0; i < 200; i++) {
    const r = connectRedis(u, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    r.on('error', () => undefined);
    try {
      await r.connect();
      await r.ping();
      await r.quit();
      break;
    } catch {
      r.disconnect();
      await sleep(25);
    }
  }
  return {
    name,
    url: u,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves a waiter when the bot answers a given conversation: "message handled" as a user sees it. */
class BenchSink implements OutboundSink {
  private waiters = new Map<string, () => void>();
  wait(user: string): Promise<void> {
    return new Promise((r) => this.waiters.set(user, r));
  }
  async send(t: ReplyTarget): Promise<void> {
    const key = t.user!.id;
    const w = this.waiters.get(key);
    this.waiters.delete(key);
    w?.();
  }
}

function bot(url: string, prefix: string) {
  const redis = connectRedis(url);
  let commands = 0;
  const send = redis.sendCommand.bind(redis);
  // Counts every command this process sends: the round trips a message costs.
  redis.sendCommand = ((...a: Parameters<typeof send>) => (commands++, send(...a))) as typeof send;
  const config = configSchema.parse({ redis: { keyPrefix: prefix } });
  const app = assemble(config, redis, createLogger('silent'), {
    clock: fixedClock('2026-11-23T10:00:00+08:00'),
    env: {},
    blobDir: path.join(tmpdir(), 'bangfu-bench-blobs'),
  });
  const sink = new BenchSink();
  app.dispatcher.registerSink('bench', sink);
  return { redis, dispatcher: app.dispatcher, sink, commands: () => commands, ready: app.ready };
}

let seq = 0;
const ev = (user: string, text: string): InboundEvent => ({
  platform: 'bench',
  chat: { id: 'g', kind: 'group', title: '压测群' },
  user: { id: user, name: user },
  messageId: `m${++seq}`,
  text,
  attachments: [],
  addressed: true,
  sentAt: 0,
});

async function send(b: ReturnType<typeof bot>, user: string, text: string): Promise<number> {
  const t0 = performance.now();
  const answered = b.sink.wait(user);
  await b.dispatcher.handle(ev(user, text));
  await answered;
  return performance.now() - t0;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number): string => `${x.toFixed(3)} ms`;

/** A full GC and a short pause between phases (the telegraf baseline gets the same). */
export async function settle(): Promise<void> {
  gc?.();
  await sleep(200);
}

async function pingFloor(redis: BangfuRedis): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const t0 = performance.now();
    await redis.ping();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Closed loop: `users` conversations at once, each typing its 8 messages as fast as answered. */
async function throughput(b: ReturnType<typeof bot>, users: number, rounds: number) {
  const before = b.commands();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let r = 0; r < rounds; r++) for (const text of LEDGER) await send(b, `tp${u}`, text);
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const msgs = users * rounds * LEDGER.length;
  return { msgs, perSec: msgs / secs, rtPerMsg: (b.commands() - before) / msgs };
}

/** Open loop at a fixed offered rate; latency = handle() call → reply handed to the platform. */
async function latencyAt(b: ReturnType<typeof bot>, rate: number, seconds: number) {
  const total = rate * seconds;
  const users = rate / 2; // each conversation's next message comes 500 ms after its previous one
  const lat: Promise<number>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    lat.push(send(b, `lat${i % users}`, LEDGER[Math.floor(i / users) % LEDGER.length]!));
  }
  const xs = await Promise.all(lat);
  return { p50: pct(xs, 50), p99: pct(xs, 99), max: Math.max(...xs) };
}

async function rssOfOpenConversations(b: ReturnType<typeof bot>, n: number) {
  gc?.();
  await sleep(100);
  const before = process.memoryUsage().rss;
  for (let i = 0; i < n; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, n - i) }, async (_, k) => {
        await send(b, `open${i + k}`, '台账');
        await send(b, `open${i + k}`, '昨天');
      }),
    );
  }
  gc?.();
  await sleep(100);
  return (process.memoryUsage().rss - before) / 1024 / 1024;
}

async function run(setup: Setup): Promise<void> {
  const b = bot(setup.url, `bench:${Date.now()}:`);
  await b.ready;
  await b.redis.ping();
  await throughput(b, 50, 2); // warm-up: JIT, script cache
  const floor = await pingFloor(b.redis);
  const tp = await throughput(b, 500, 5);
  // Each phase is its own measurement: the throughput phase's garbage is collected before timing latency.
  await settle();
  const lat = await latencyAt(b, 1000, 5);
  const rss = await rssOfOpenConversations(b, 10_000);
  const floorP50 = pct(floor, 50);
  console.log(`\n## ${setup.name}`);
  console.log(
    `throughput           ${Math.round(tp.perSec).toLocaleString('en')} messages/s (${tp.msgs} messages, 500 conversations at once)`,
  );
  console.log(`round trips/message  ${tp.rtPerMsg.toFixed(2)}`);
  console.log(`latency @1000 msg/s  p50 ${ms(lat.p50)}  p99 ${ms(lat.p99)}  max ${ms(lat.max)}`);
  console.log(`PING floor           p50 ${ms(floorP50)}  p99 ${ms(pct(floor, 99))}`);
  console.log(`ratio                p50 message / p50 PING = ${(lat.p50 / floorP50).toFixed(1)}×`);
  console.log(`RSS for 10,000 open conversations: +${rss.toFixed(1)} MB${gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);
  await b.redis.quit();
  if (setup.url.startsWith('redis://')) {
    const tg = await telegrafBaseline(setup.url, 500, 5, { rate: 1000, seconds: 5 });
    console.log(`telegraf WizardScene + Redis session, same Redis, same conversation:`);
    console.log(
      `  throughput ${Math.round(tg.perSec).toLocaleString('en')} messages/s, ${tg.rtPerMsg.toFixed(2)} round trips/message, ` +
        `@1000 msg/s p50 ${ms(pct(tg.lat, 50))} p99 ${ms(pct(tg.lat, 99))}`,
    );
  }
}

const setups: [string, string[], (dir: string) => string][] = [
  [
    'embedded default: unix socket, AOF appendfsync always',
    ['--port', '0', '--unixsocket', '$DIR/r.sock', '--appendonly', 'yes', '--appendfsync', 'always'],
    (d) => `${d}/r.sock`,
  ],
  ['TCP 127.0.0.1, no persistence', ['--port', '6391', '--bind', '127.0.0.1', '--appendonly', 'no'], () => 'redis://127.0.0.1:6391'],
];
console.log(`bangfu bench — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
for (const [name, args, url] of setups) {
  const s = await startRedis(name, args, url);
  try {
    await run(s);
  } finally {
    await s.stop();
  }
}
