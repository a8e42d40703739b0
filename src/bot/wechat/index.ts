import type { Surface, SurfaceFactory } from '../surfaces.js';
import { DEFAULT_PUPPET } from './paths.js';

/**
 * `platforms.wechat.enabled` → a WeChat surface; the puppet and its token come from the environment
 * only. wechaty takes over a second to load, so it is imported when the surface starts, not before.
 */
export const wechatSurface: SurfaceFactory = (app) => {
  const settings = app.config.platforms.wechat;
  if (!settings.enabled) return undefined;
  let surface: Surface | undefined;
  return {
    name: 'wechat',
    async start() {
      const { WechatSurface } = await import('./bot.js');
      surface = new WechatSurface(app, { puppet: process.env.WECHATY_PUPPET || DEFAULT_PUPPET, puppetToken: process.env.WECHATY_PUPPET_TOKEN, settings });
      await surface.start();
    },
    async stop() {
      await surface?.stop();
    },
  };
};
