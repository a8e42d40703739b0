import type { Surface } from '../core/surface.js';
import type { BotContext, PlatformEntry } from './context.js';
import { qqPlatform } from './qq/index.js';
import type { WithQq } from './qq/config.js';
import { telegramPlatform } from './telegram/index.js';
import type { WithTelegram } from './telegram/config.js';
import { wechatPlatform } from './wechat/index.js';
import type { WithWechat } from './wechat/config.js';

/** Every platform's section of the config, as the registry hands it on. */
export type PlatformsConfig = WithTelegram & WithWechat & WithQq;

/** What the running bot gives the surfaces: app.ts's App satisfies it. */
export type SurfaceApp = BotContext<PlatformsConfig>;

/** Returns a surface when the config enables it, undefined otherwise. */
export type SurfaceFactory = (app: SurfaceApp) => Surface | undefined;

/**
 * Every chat platform besides the console (which `bangfu start` runs itself), in the order they
 * start and `bangfu doctor` reports them; adding a platform is one line here.
 */
export const platforms: readonly PlatformEntry<PlatformsConfig>[] = [telegramPlatform, wechatPlatform, qqPlatform];

export const surfaceFactories: readonly SurfaceFactory[] = platforms.map((p) => p.surface);
