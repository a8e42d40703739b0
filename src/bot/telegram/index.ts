import { ConfigError } from '../../core/config-error.js';
import type { PlatformEntry } from '../context.js';
import { TelegramSurface, type TelegramContext, type TelegramSurfaceOptions } from './bot.js';
import { telegramSettings, type WithTelegram } from './config.js';
import { checkTelegram } from './doctor.js';

/**
 * Telegram runs when TELEGRAM_BOT_TOKEN is set (that alone is enough, so a coordinator needs no
 * config file); `platforms.telegram.enabled: true` without a token is a configuration error.
 */
export function createTelegramSurface(
  app: TelegramContext,
  env: NodeJS.ProcessEnv = process.env,
  o: TelegramSurfaceOptions = {},
): TelegramSurface | undefined {
  const settings = telegramSettings(env);
  if (settings) return new TelegramSurface(app, settings, o);
  if (app.config.platforms.telegram.enabled) {
    throw new ConfigError([
      'platforms.telegram.enabled: 已启用 Telegram，但没有设置环境变量 TELEGRAM_BOT_TOKEN（向 @BotFather 申请机器人后设置）',
    ]);
  }
  return undefined;
}

export const telegramSurface = (app: TelegramContext): TelegramSurface | undefined => createTelegramSurface(app);

export const telegramPlatform: PlatformEntry<WithTelegram> = { name: 'telegram', surface: telegramSurface, doctor: checkTelegram };
