import { ConfigError } from '../../core/config-error.js';
import type { BotContext, PlatformEntry } from '../context.js';
import { QqSurface } from './bot.js';
import { oneBotEnv, type WithQq } from './config.js';
import { checkQq } from './doctor.js';

/** `platforms.qq.enabled` → a QQ surface; the OneBot address and token come from the environment only. */
export const qqSurface = (app: BotContext<WithQq>): QqSurface | undefined => {
  const settings = app.config.platforms.qq;
  if (!settings.enabled) return undefined;
  const { url, token } = oneBotEnv(process.env);
  if (!url) {
    throw new ConfigError([
      'platforms.qq.enabled: 已启用 QQ，但没有设置环境变量 QQ_ONEBOT_URL（NapCat/Lagrange 的正向 WebSocket 地址，如 ws://127.0.0.1:3001）',
    ]);
  }
  return new QqSurface(app, { url, token, settings });
};

export const qqPlatform: PlatformEntry<WithQq> = { name: 'qq', surface: qqSurface, doctor: checkQq };
