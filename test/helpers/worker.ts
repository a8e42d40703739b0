/**
 * A separate bot process for the concurrency test: reads one JSON command per line on stdin,
 * answers on stdout. {"ev": InboundEvent} → {"ack": messageId, "status"} once the message is
 * accepted; {"idle": true} → {"idle": true} once everything it started is processed.
 */
import { createInterface } from 'node:readline';
import { Dispatcher } from '../../src/bot/dispatcher.js';
import { fixedClock } from '../../src/core/clock.js';
import type { InboundEvent } from '../../src/core/events.js';
import { FlowEngine } from '../../src/flows/engine.js';
import { allForms } from '../../src/flows/forms/index.js';
import { createLogger } from '../../src/log/logger.js';
import { ConversationStore } from '../../src/store/conversations.js';
import { createKeys } from '../../src/store/keys.js';
import { RecordRepository } from '../../src/store/records.js';
import { connectRedis } from '../../src/store/redis.js';

const [url, prefix] = process.argv.slice(2) as [string, string];
const redis = connectRedis(url);
const keys = createKeys(prefix);
const conversations = new ConversationStore(redis, keys, { lockTtlMs: 5000, stateTtlSec: 3600, seenTtlSec: 3600 });
const records = new RecordRepository(redis, keys, allForms);
const engine = new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai' });
const dispatcher = new Dispatcher({ engine, conversations, records, clock: fixedClock('2026-11-23T10:00:00+08:00'), logger: createLogger('silent') });
dispatcher.registerSink('test', { send: async (_t, actions) => void process.stdout.write(`${JSON.stringify({ replies: actions.length })}\n`) });

for await (const line of createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as { ev?: InboundEvent; idle?: boolean };
  if (cmd.ev) {
    const status = await dispatcher.handle(cmd.ev);
    process.stdout.write(`${JSON.stringify({ ack: cmd.ev.messageId, status })}\n`);
  } else if (cmd.idle) {
    await dispatcher.idle();
    process.stdout.write(`${JSON.stringify({ idle: true })}\n`);
  }
}
await dispatcher.idle();
await redis.quit();
