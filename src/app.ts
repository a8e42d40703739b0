import { allCommands } from './bot/commands/index.js';
import { CommandRegistry } from './bot/commands/registry.js';
import { Dispatcher } from './bot/dispatcher.js';
import { systemClock, type Clock } from './core/clock.js';
import type { Config } from './config/schema.js';
import { FlowEngine } from './flows/engine.js';
import { allForms } from './flows/forms/index.js';
import type { FormSpec } from './flows/form.js';
import type { Logger } from './log/logger.js';
import { ConversationStore } from './store/conversations.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './store/embedded-redis.js';
import { createKeys, type Keys } from './store/keys.js';
import { RecordRepository } from './store/records.js';
import { connectRedis, type BangfuRedis } from './store/redis.js';
import type { BlobStore } from './store/blobs.js';
import { formServices } from './services/wiring.js';

/** Everything a running bot (or an export) needs, built once from config by plain constructor injection. */
export interface App {
  config: Config;
  redis: BangfuRedis;
  keys: Keys;
  engine: FlowEngine;
  conversations: ConversationStore;
  records: RecordRepository;
  /** Attachment bytes (photos, exhibition originals) under the data dir. */
  blobs: BlobStore;
  dispatcher: Dispatcher;
  logger: Logger;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  forms?: readonly FormSpec[];
}

/** REDIS_URL when set; otherwise the embedded redis-server in the data dir. */
export async function openRedis(config: Config, logger: Logger): Promise<{ url: string; embedded?: EmbeddedRedis }> {
  if (config.redis.url) return { url: config.redis.url };
  const embedded = await startEmbeddedRedis(config.dataDir, logger);
  return { url: embedded.url, embedded };
}

export async function createApp(config: Config, logger: Logger, opts: AppOptions = {}): Promise<App> {
  const { url, embedded } = await openRedis(config, logger);
  const redis = connectRedis(url);
  redis.on('error', (err) => logger.error({ err }, 'redis error'));
  const keys = createKeys(config.redis.keyPrefix);
  const forms = opts.forms ?? allForms;
  const clock = opts.clock ?? systemClock;
  const engine = new FlowEngine({ forms, timezone: config.timezone });
  const conversations = new ConversationStore(redis, keys, {
    lockTtlMs: config.conversation.lockTtlMs,
    stateTtlSec: Math.round(config.conversation.ttlDays * 86_400),
    seenTtlSec: Math.round(config.conversation.dedupeTtlHours * 3600),
  });
  const records = new RecordRepository(redis, keys, forms);
  const fs = formServices(config, records, forms);
  const dispatcher = new Dispatcher({
    engine, conversations, records, clock, logger, config, commands: new CommandRegistry(fs.commands(allCommands)), blobs: fs.blobs, checks: fs.checks,
  });
  return {
    config, redis, keys, engine, conversations, records, blobs: fs.blobs, dispatcher, logger,
    async close() {
      await dispatcher.idle();
      await redis.quit().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
