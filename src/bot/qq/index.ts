import { ConfigError } from '../../config/load.js';
import type { SurfaceFactory } from '../surfaces.js';
import { QqSurface } from './bot.js';

/** `platforms.qq.enabled` → a QQ surface; the OneBot address and token come from the environment only. */
export const qqSurface: SurfaceFactory = (app) => {
  const settings = app.config.platforms.qq;
  if (!settings.enabled) return undefined;
  const url = process.env.QQ_ONEBOT_URL;
  if (!url) {
    throw new ConfigError(['platforms.qq.enabled: 已启用 QQ，但没有设置环境变量 QQ_ONEBOT_URL（NapCat/Lagrange 的正向 WebSocket 地址，如 ws://127.0.0.1:3001）']);
  }
  return new QqSurface(app, { url, token: process.env.QQ_ONEBOT_TOKEN, settings });
};
