import type { App } from '../app.js';
import { qqSurface } from './qq/index.js';
import { telegramSurface } from './telegram/bot.js';
import { wechatSurface } from './wechat/index.js';

/**
 * A chat surface (Telegram, WeChat, QQ…) that runs beside or instead of the console. Each
 * platform folder exports one factory; `bangfu start` starts every surface its config enables.
 */
export interface Surface {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Returns a surface when the config enables it, undefined otherwise. */
export type SurfaceFactory = (app: App) => Surface | undefined;

/** Every platform's factory; adding a platform is one line here. */
export const surfaceFactories: SurfaceFactory[] = [telegramSurface, wechatSurface, qqSurface];
