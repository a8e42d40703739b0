/**
 * One bot process for the exactly-once test: waits for "go" on stdin (so all start together),
 * runs one reminder pass at the given instant and one node-cron coordinator election, prints JSON.
 */
import { createInterface } from 'node:readline';
import { assemble } from '../../src/app.js';
import { configSchema } from '../../src/config/schema.js';
import { fixedClock } from '../../src/core/clock.js';
import { createLogger } from '../../src/log/logger.js';
import { leaseRunCoordinator } from '../../src/domain/reminders/coordinator.js';
import { CronLeases } from '../../src/store/cron-lease.js';
import { connectRedis } from '../../src/store/redis.js';

const [url, prefix, at] = process.argv.slice(2) as [string, string, string];
const redis = connectRedis(url);
const config = configSchema.parse({ redis: { keyPrefix: prefix }, schedule: { overdueMax: 2 } });
const bot = assemble(config, redis, createLogger('silent'), { clock: fixedClock(at), env: {} });
let delivered = 0;
bot.dispatcher.registerSink('test', { send: async (_t, a) => void (delivered += a.length) });
await bot.ready;
const coordinator = leaseRunCoordinator(new CronLeases(redis, bot.keys));
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'go') continue;
  const [sent, elected] = await Promise.all([
    bot.reminders.tick(new Date(at)),
    coordinator.shouldRun('bangfu-reminders:2026-12-08T01:00:00.000Z', 60_000),
  ]);
  process.stdout.write(`${JSON.stringify({ sent: sent.length, delivered, elected })}\n`);
  break;
}
await redis.quit();
