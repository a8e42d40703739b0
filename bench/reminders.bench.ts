/**
 * Reminder fan-out: one pass over 1,000 groups of 3 registered experts each (one of whom has
 * submitted), on a real redis-server this script starts. Prints how fast the pass claims, composes
 * and hands reminders to the platforms, and what each platform's pacing then makes of them.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assemble } from '../src/app.js';
import { configSchema } from '../src/config/schema.js';
import { fixedClock } from '../src/core/clock.js';
import { chatKey, userKey } from '../src/core/ids.js';
import { createLogger } from '../src/log/logger.js';
import { connectRedis } from '../src/store/redis.js';

const GROUPS = 1000;
const port = 6395;
const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
  stdio: 'ignore',
});
await sleep(300);
const redis = connectRedis(`redis://127.0.0.1:${port}`);
const config = configSchema.parse({ redis: { keyPrefix: `fan:${Date.now()}:` } });
const now = new Date('2026-12-08T09:00:00+08:00');
const bot = assemble(config, redis, createLogger('silent'), {
  clock: fixedClock(now.toISOString()),
  env: {},
  blobDir: path.join(tmpdir(), 'bangfu-fan'),
});
await bot.ready;
let delivered = 0;
bot.dispatcher.registerSink('bench', { send: async (_t, a) => void (delivered += a.length) });

const seed = async (form: string, values: Record<string, unknown>, g: number, u: number) => {
  const id = randomUUID();
  const rec = bot.records.prepare(form, id, values, {
    platform: 'bench',
    chatId: `g${g}`,
    chatKey: chatKey('bench', `g${g}`),
    chatTitle: `第${g}帮扶群`,
    userId: `u${g}-${u}`,
    userKey: userKey('bench', `u${g}-${u}`),
    userName: `专家${u}`,
    createdAt: '2026-11-20T02:00:00.000Z',
  });
  await bot.conversations.claim(`seed:${id}`, 'seed', id, '{}', 'seed', false);
  await bot.conversations.commit(`seed:${id}`, 'seed', null, rec);
};
const expert = (n: string) => ({
  unit: '吉林农业大学',
  name: n,
  title: '教授',
  age: 50,
  phone: '13800000000',
  field: '水稻',
  villages: '光东村',
});
for (let g = 0; g < GROUPS; g += 50) {
  await Promise.all(
    Array.from({ length: 50 }, async (_, k) => {
      for (let u = 0; u < 3; u++) await seed('expert', expert(`专家${u}`), g + k, u);
      await seed(
        'ledger',
        { date: '2026-11-20', place: '光东村', activityForm: '技术培训', content: '育秧', participants: 30, effect: '好' },
        g + k,
        0,
      );
    }),
  );
}
await bot.deadlines.put({ id: 'fan', form: 'ledger', title: '工作台账', due: '2026-12-15', groups: ['*'], per: 'member' });

const t0 = performance.now();
const sent = await bot.reminders.tick(now);
const secs = (performance.now() - t0) / 1000;
console.log(`\n## reminder fan-out, ${GROUPS} groups × 3 experts`);
console.log(
  `pass: ${sent.length} reminders in ${secs.toFixed(2)} s = ${Math.round(sent.length / secs)} reminders/s handed to the platforms ` +
    `(${delivered} delivered to the sink)`,
);
console.log(
  `then paced by each platform: Telegram 30/s overall → ${Math.ceil(sent.length / 30)} s; ` +
    `WeChat/QQ 1–3 s per message per account → ${Math.round((sent.length * 2) / 60)} min on one account`,
);
const again = await bot.reminders.tick(now);
console.log(`a second pass at the same moment sends ${again.length} (claimed already)`);
await redis.quit();
child.kill();
