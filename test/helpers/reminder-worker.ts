/**
 * One bot process for the exactly-once test: waits for "go" on stdin (so all start together),
 * runs one reminder pass at the given instant and one node-cron coordinator election, prints JSON.
 */
import { createInterface } from 'node:readline';
import { Dispatcher } from '../../src/bot/dispatcher.js';
import { fixedClock } from '../../src/core/clock.js';
import { FlowEngine } from '../../src/flows/engine.js';
import { allForms } from '../../src/flows/forms/index.js';
import { createLogger } from '../../src/log/logger.js';
import { redisRunCoordinator } from '../../src/schedule/coordinator.js';
import { ReminderService } from '../../src/schedule/reminders.js';
import { Roster } from '../../src/schedule/roster.js';
import { ConversationStore } from '../../src/store/conversations.js';
import { DeadlineRepository } from '../../src/store/deadlines.js';
import { createKeys } from '../../src/store/keys.js';
import { RecordRepository } from '../../src/store/records.js';
import { connectRedis } from '../../src/store/redis.js';

const [url, prefix, at] = process.argv.slice(2) as [string, string, string];
const redis = connectRedis(url);
const keys = createKeys(prefix);
const records = new RecordRepository(redis, keys, allForms);
const logger = createLogger('silent');
const dispatcher = new Dispatcher({
  engine: new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai' }),
  conversations: new ConversationStore(redis, keys, { lockTtlMs: 5000, stateTtlSec: 3600, seenTtlSec: 3600 }),
  records, clock: fixedClock(at), logger,
});
let delivered = 0;
dispatcher.registerSink('test', { send: async (_t, a) => void (delivered += a.length) });
const svc = new ReminderService({
  redis, keys, deadlines: new DeadlineRepository(redis, keys), records, roster: new Roster(records, ['ledger']), forms: allForms, logger,
  ladder: { offsets: [-7, -3, -1, 0], overdueEveryDays: 7, overdueMax: 2, at: '09:00', quietStart: '22:00', quietEnd: '08:00' },
  notifier: { notify: (t, a) => dispatcher.notify(t, a) },
});
const coordinator = redisRunCoordinator(redis, keys);
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'go') continue;
  const [sent, elected] = await Promise.all([svc.tick(new Date(at)), coordinator.shouldRun('bangfu-reminders:2026-12-08T01:00:00.000Z', 60_000)]);
  process.stdout.write(`${JSON.stringify({ sent: sent.length, delivered, elected })}\n`);
  break;
}
await redis.quit();
