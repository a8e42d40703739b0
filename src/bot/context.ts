import type { Platform } from '../core/events.js';
import type { Check, Surface } from '../core/surface.js';
import type { CommandRegistry } from '../flows/commands/registry.js';
import type { Dispatcher } from '../flows/dispatcher.js';
import type { FlowEngine } from '../flows/engine/engine.js';
import type { Logger } from '../log/logger.js';
import type { BindingStore } from '../store/bindings.js';
import type { ConversationStore } from '../store/conversations.js';
import type { Keys } from '../store/keys.js';
import type { BangfuRedis } from '../store/redis.js';

/** The few global settings a surface reads besides its own section. */
export interface GlobalSettings {
  /** Outbox files, the WeChat session and its login QR code live under it. */
  dataDir: string;
  conversation: { ttlDays: number; dedupeTtlHours: number };
}

/**
 * What a surface needs from the running bot. app.ts's Bot satisfies it structurally, so no platform
 * imports the composition root; `C` is the config a surface reads beyond the global settings (its
 * own section, e.g. `{ platforms: { telegram: TelegramConfig } }`).
 */
export interface BotContext<C extends object = object> {
  config: GlobalSettings & C;
  dispatcher: Dispatcher;
  /** Every chat command, for surfaces that list them (Telegram's menu) or need their words. */
  commands: CommandRegistry;
  engine: FlowEngine;
  conversations: ConversationStore;
  /** WeChat/QQ groups bound by chat id (the Redis half of bot/groupchat/binding.ts). */
  bindings: BindingStore;
  redis: BangfuRedis;
  keys: Keys;
  logger: Logger;
}

/**
 * One platform as the registry (src/bot/surfaces.ts) lists it: its surface, when the config enables
 * it, and its `bangfu doctor` lines (none when it is off).
 */
export interface PlatformEntry<C extends object> {
  name: Platform;
  surface: (app: BotContext<C>) => Surface | undefined;
  doctor: (config: GlobalSettings & C, env: NodeJS.ProcessEnv) => Promise<Check[]>;
}
