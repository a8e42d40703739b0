import type { Surface } from '../../core/surface.js';
import type { BotContext, PlatformEntry } from '../context.js';
import { wechatEnv, type WithWechat } from './config.js';
import { checkWechat } from './doctor.js';

/**
 * `platforms.wechat.enabled` → a WeChat surface; the puppet and its token come from the environment
 * only. wechaty takes over a second to load, so it is imported when the surface starts, not before.
 */
export const wechatSurface = (app: BotContext<WithWechat>): Surface | undefined => {
  const settings = app.config.platforms.wechat;
  if (!settings.enabled) return undefined;
  let surface: Surface | undefined;
  return {
    name: 'wechat',
    async start() {
      const { WechatSurface } = await import('./bot.js');
      surface = new WechatSurface(app, { ...wechatEnv(process.env), settings });
      await surface.start();
    },
    async stop() {
      await surface?.stop();
    },
  };
};

export const wechatPlatform: PlatformEntry<WithWechat> = { name: 'wechat', surface: wechatSurface, doctor: checkWechat };
