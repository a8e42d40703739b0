/**
 * A separate bot process for the concurrency test: reads one JSON command per line on stdin,
 * answers on stdout. {"ev": InboundEvent} → {"ack": messageId, "status"} once the message is
 * accepted; {"idle": true} → {"idle": true} once everything it started is processed.
 */
import { createInterface } from 'node:readline';
import { assemble } from '../../src/app.js';
import { configSchema } from '../../src/config/schema.js';
import { fixedClock } from '../../src/core/clock.js';
import type { InboundEvent } from '../../src/core/events.js';
import { createLogger } from '../../src/log/logger.js';
import { connectRedis } from '../../src/store/redis.js';

const [url, prefix] = process.argv.slice(2) as [string, string];
const redis = connectRedis(url);
const bot = assemble(configSchema.parse({ redis: { keyPrefix: prefix } }), redis, createLogger('silent'), {
  clock: fixedClock('2026-11-23T10:00:00+08:00'),
  env: {},
});
const dispatcher = bot.dispatcher;
dispatcher.registerSink('test', {
  send: async (_t, actions) => void process.stdout.write(`${JSON.stringify({ replies: actions.length })}\n`),
});
await bot.ready;

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
