/**
 * Measures the Telegram outbound queue against the Bot API stand-in (real telegraf over HTTP):
 * how many messages per second it delivers under the default limits, and how long a 429 storm
 * delays delivery. Not a test (numbers depend on the machine); run it with
 *   node --import tsx test/bot/telegram/measure-pacer.ts
 */
import { Agent } from 'node:http';
import { Telegraf } from 'telegraf';
import { Pacer, type PacerLimits } from '../../../src/bot/telegram/pacer.js';
import { classifyTelegramError } from '../../../src/bot/telegram/sender.js';
import { configSchema } from '../../../src/config/schema.js';
import { createLogger } from '../../../src/log/logger.js';
import { TelegramApiStub } from '../../helpers/telegram-api-stub.js';

const DEFAULTS: PacerLimits = configSchema.parse({}).platforms.telegram.pacing;

interface Run {
  label: string;
  messages: number;
  seconds: number;
  perSecond: number;
  retried429: number;
  inOrder: boolean;
  /** Most successful sends in any 1 s window (Telegram: about 30). */
  max1s: number;
  /** Most successful sends to one chat in any 60 s window (Telegram: 20 in a group). */
  maxChat60s: number;
}

/** Largest number of timestamps inside any window of `ms`. */
function densest(times: number[], ms: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function run(
  label: string,
  limits: PacerLimits,
  chats: { id: number; group: boolean }[],
  perChat: number,
  storm?: { forMs: number; retryAfter: number },
): Promise<Run> {
  const stub = new TelegramApiStub();
  const apiRoot = await stub.start();
  const bot = new Telegraf('1:measure', { telegram: { apiRoot, agent: new Agent({ keepAlive: true }), webhookReply: false } });
  const pacer = new Pacer(limits, { classify: classifyTelegramError, onBlocked: async () => undefined }, createLogger('silent'));
  const start = performance.now();
  if (storm) {
    const until = Date.now() + storm.forMs;
    stub.rules.push((m) =>
      m === 'sendMessage' && Date.now() < until
        ? { code: 429, description: 'Too Many Requests', retry_after: storm.retryAfter }
        : undefined,
    );
  }
  for (let i = 0; i < perChat; i++) {
    for (const c of chats)
      pacer.enqueue({ chatId: String(c.id), group: c.group, what: 'sendMessage', send: () => bot.telegram.sendMessage(c.id, `#${i}`) });
  }
  await pacer.idle();
  const seconds = (performance.now() - start) / 1000;
  const ok = stub.calls.filter((c) => c.method === 'sendMessage' && c.ok);
  const max1s = densest(
    ok.map((c) => c.at),
    1000,
  );
  const maxChat60s = Math.max(
    ...chats.map((c) =>
      densest(
        ok.filter((x) => Number(x.params.chat_id) === c.id).map((x) => x.at),
        60_000,
      ),
    ),
  );
  const inOrder = chats.every(
    (c) =>
      stub
        .sent(c.id)
        .map((m) => m.text)
        .join() === Array.from({ length: perChat }, (_, i) => `#${i}`).join(),
  );
  await stub.close();
  const messages = chats.length * perChat;
  return {
    label,
    messages,
    seconds: +seconds.toFixed(2),
    perSecond: +(messages / seconds).toFixed(1),
    retried429: pacer.stats.retried429,
    inOrder,
    max1s,
    maxChat60s,
  };
}

const privateChats = (n: number): { id: number; group: boolean }[] => Array.from({ length: n }, (_, i) => ({ id: 1000 + i, group: false }));
const groups = (n: number): { id: number; group: boolean }[] => Array.from({ length: n }, (_, i) => ({ id: -1000 - i, group: true }));
const unlimited: PacerLimits = { perChatPerSecond: 1e6, perChatBurst: 1e6, perGroupPerMinute: 1e9, globalPerSecond: 1e6 };

const results: Run[] = [];
results.push(await run('defaults: 100 private chats × 6 messages', DEFAULTS, privateChats(100), 6));
results.push(await run('defaults: 1 private chat × 13 messages', DEFAULTS, privateChats(1), 13));
results.push(await run('defaults: 1 group × 22 messages', DEFAULTS, groups(1), 22));
results.push(await run('defaults: 40 groups × 5 messages', DEFAULTS, groups(40), 5));
results.push(await run('no limits (queue overhead): 50 chats × 40 messages', unlimited, privateChats(50), 40));
const calm = await run('defaults: 20 private chats × 5 messages, no 429', DEFAULTS, privateChats(20), 5);
results.push(calm);
results.push(
  await run('defaults: same, 429 (retry_after 1) on every send for 3 s', DEFAULTS, privateChats(20), 5, { forMs: 3000, retryAfter: 1 }),
);
results.push(
  await run('defaults: same, 429 (retry_after 5) on every send for 3 s', DEFAULTS, privateChats(20), 5, { forMs: 3000, retryAfter: 5 }),
);

console.table(results);
process.exit(0);
