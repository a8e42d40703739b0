import path from 'node:path';
import { chatCommands } from './flows/commands/index.js';
import { CommandRegistry } from './flows/commands/registry.js';
import { Dispatcher } from './flows/dispatcher.js';
import { FreeText } from './flows/freetext.js';
import type { Config } from './config/schema.js';
import { systemClock, type Clock } from './core/clock.js';
import { FlowEngine } from './flows/engine/engine.js';
import type { FormSpec } from './flows/engine/form.js';
import { allForms } from './flows/forms/registry.js';
import { setupLlm, type LlmKit } from './flows/extract/setup.js';
import type { Logger } from './log/logger.js';
import { FormChecks } from './domain/checks.js';
import { knownGroups } from './domain/groups.js';
import type { GrantInput } from './domain/roles/model.js';
import { RoleService } from './domain/roles/service.js';
import { ReminderService } from './domain/reminders/reminders.js';
import { Roster } from './domain/reminders/roster.js';
import { ReminderScheduler } from './domain/reminders/scheduler.js';
import { BindingStore } from './store/bindings.js';
import { BlobStore } from './store/blobs.js';
import { ConversationStore } from './store/conversations.js';
import { CronLeases } from './store/cron-lease.js';
import { DeadlineRepository } from './store/deadlines.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './store/embedded-redis.js';
import { IndicatorRepository } from './store/indicators.js';
import { createKeys, type Keys } from './store/keys.js';
import { LlmLimitStore } from './store/llm-limits.js';
import { RecordRepository } from './store/records.js';
import { connectRedis, type BangfuRedis } from './store/redis.js';
import { ReminderClaims } from './store/reminders.js';
import { GrantStore } from './store/roles.js';

/** Everything a running bot (or an export) needs, built once from config by plain constructor injection. */
export interface Bot {
  config: Config;
  redis: BangfuRedis;
  keys: Keys;
  engine: FlowEngine;
  conversations: ConversationStore;
  records: RecordRepository;
  /** Group bindings (WeChat/QQ): written by the group surfaces, read by reports and role scopes. */
  bindings: BindingStore;
  blobs: BlobStore;
  roles: RoleService;
  deadlines: DeadlineRepository;
  reminders: ReminderService;
  scheduler: ReminderScheduler;
  llm: LlmKit;
  /** Every chat command, for adapters that list them (Telegram's menu) or need their words. */
  commands: CommandRegistry;
  dispatcher: Dispatcher;
  logger: Logger;
  /** Config deadlines and role grants written to Redis; await before relying on them. */
  ready: Promise<void>;
}

export interface App extends Bot {
  close(): Promise<void>;
}

export interface AssembleOptions {
  clock?: Clock;
  forms?: readonly FormSpec[];
  /** Where OPENAI_* come from; tests pass their own so a developer's key never leaks in. */
  env?: NodeJS.ProcessEnv;
  /** Attachment files; default `$dataDir/attachments`. */
  blobDir?: string;
}

/** REDIS_URL when set; otherwise the embedded redis-server in the data dir. */
export async function openRedis(config: Config, logger: Logger): Promise<{ url: string; embedded?: EmbeddedRedis }> {
  if (config.redis.url) return { url: config.redis.url };
  const embedded = await startEmbeddedRedis(config.dataDir, logger);
  return { url: embedded.url, embedded };
}

/** Config `roles:` entries (a role, or a role with its scope) as grants. */
function configGrants(roles: Config['roles']): Record<string, GrantInput[]> {
  return Object.fromEntries(
    Object.entries(roles).map(([user, list]) => [user, list.map((r) => (typeof r === 'string' ? { role: r } : r))]),
  );
}

/**
 * Wires every part on a connected Redis: the one place that decides how a bot is put together, used
 * by `bangfu start`, `bangfu export` and the tests alike. Config deadlines and role grants are
 * written to Redis here, so chat changes and config share one source of truth.
 */
export function assemble(config: Config, redis: BangfuRedis, logger: Logger, opts: AssembleOptions = {}): Bot {
  const keys = createKeys(config.redis.keyPrefix);
  const forms = opts.forms ?? allForms;
  const clock = opts.clock ?? systemClock;
  const engine = new FlowEngine({ forms, timezone: config.timezone, keepDiscardedMs: config.conversation.ttlDays * 86_400_000 });
  const conversations = new ConversationStore(redis, keys, {
    lockTtlMs: config.conversation.lockTtlMs,
    stateTtlSec: Math.round(config.conversation.ttlDays * 86_400),
    seenTtlSec: Math.round(config.conversation.dedupeTtlHours * 3600),
  });
  const records = new RecordRepository(redis, keys, forms);
  const bindings = new BindingStore(redis, keys);
  const roles = new RoleService(new GrantStore(redis, keys), (chat) => bindings.regionOf(chat));
  const deadlines = new DeadlineRepository(redis, keys);
  const ready = Promise.all([deadlines.seedFromConfig(config.schedule.deadlines), roles.seedFromConfig(configGrants(config.roles))]).then(
    () => undefined,
  );

  const blobs = new BlobStore(opts.blobDir ?? path.join(config.dataDir, 'attachments'));
  // The checks of the official forms that need the store (名额, 一村一表, 800 小时, 关联村).
  const checks = new FormChecks(records, new Map(forms.map((f) => [f.id, f])), config.quotas, config.timezone);
  const llm = setupLlm({
    env: opts.env ?? process.env,
    llm: config.llm,
    timezone: config.timezone,
    limitStore: new LlmLimitStore(redis, keys),
    logger,
  });
  // The reminder service sends through the dispatcher, which is built after it.
  let dispatcher: Dispatcher | undefined;
  const reminders = new ReminderService({
    claims: new ReminderClaims(redis, keys),
    bindings,
    deadlines,
    records,
    roster: new Roster(records, forms),
    forms,
    logger,
    ladder: {
      offsets: config.schedule.ladder,
      overdueEveryDays: config.schedule.overdueEveryDays,
      overdueMax: config.schedule.overdueMax,
      at: config.schedule.at,
      quietStart: config.schedule.quietHours.start,
      quietEnd: config.schedule.quietHours.end,
    },
    notifier: { notify: (target, actions) => dispatcher!.notify(target, actions) },
  });
  const registry = new CommandRegistry(
    chatCommands({
      records,
      forms,
      roles,
      deadlines,
      reminders,
      indicators: new IndicatorRepository(redis, keys),
      config,
      blobs,
      groups: () => knownGroups(bindings, records),
      ...(llm.service ? { llm: llm.service } : {}),
    }),
  );
  dispatcher = new Dispatcher({
    engine,
    conversations,
    records,
    clock,
    logger,
    config,
    commands: registry,
    blobs,
    checks,
    freeText: new FreeText({ engine, extractor: llm.extractor, transcriber: llm.transcriber, timezone: config.timezone }),
  });
  const scheduler = new ReminderScheduler(reminders, new CronLeases(redis, keys), logger, () => clock.now());
  return {
    config,
    redis,
    keys,
    engine,
    conversations,
    records,
    bindings,
    blobs,
    roles,
    deadlines,
    reminders,
    scheduler,
    llm,
    commands: registry,
    dispatcher,
    logger,
    ready,
  };
}

export async function createApp(config: Config, logger: Logger, opts: AssembleOptions = {}): Promise<App> {
  const { url, embedded } = await openRedis(config, logger);
  const redis = connectRedis(url);
  redis.on('error', (err) => logger.error({ err }, 'redis error'));
  const bot = assemble(config, redis, logger, opts);
  await bot.ready;
  return {
    ...bot,
    async close() {
      await bot.scheduler.stop();
      await bot.dispatcher.idle();
      await redis.quit().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
