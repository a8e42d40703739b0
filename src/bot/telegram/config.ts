import { createHmac } from 'node:crypto';
import { ConfigError } from '../../config/load.js';

/** Everything secret or deployment-specific about the Telegram bot comes from the environment. */
export interface TelegramSettings {
  token: string;
  /** A local Bot API server, or the test stand-in; api.telegram.org when unset. */
  apiRoot?: string;
  webhook?: { url: string; path: string; port: number; secret: string };
}

export const DEFAULT_HTTP_PORT = 8080;

/**
 * The webhook secret Telegram echoes in a header. Without TELEGRAM_WEBHOOK_SECRET it is derived
 * from the token, so every process of one deployment agrees on it and nothing more needs storing.
 */
function webhookSecret(env: NodeJS.ProcessEnv, token: string): string {
  const given = env.TELEGRAM_WEBHOOK_SECRET;
  if (given !== undefined) {
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(given)) throw new ConfigError(['TELEGRAM_WEBHOOK_SECRET: 只能包含字母、数字、_ 和 -，长度 1-256']);
    return given;
  }
  return createHmac('sha256', token).update('bangfu telegram webhook').digest('hex');
}

/** undefined when TELEGRAM_BOT_TOKEN is not set. */
export function telegramSettings(env: NodeJS.ProcessEnv): TelegramSettings | undefined {
  const token = env.TELEGRAM_BOT_TOKEN?.trim();
  if (!token) return undefined;
  const out: TelegramSettings = { token };
  if (env.TELEGRAM_API_ROOT) out.apiRoot = env.TELEGRAM_API_ROOT.replace(/\/+$/, '');
  const url = env.TELEGRAM_WEBHOOK_URL?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError([`TELEGRAM_WEBHOOK_URL: 不是有效的网址（${url}）`]);
    }
    const port = Number(env.BANGFU_HTTP_PORT ?? DEFAULT_HTTP_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError([`BANGFU_HTTP_PORT: 应为 0-65535 的端口号（现在是 ${env.BANGFU_HTTP_PORT ?? ''}）`]);
    out.webhook = { url, path: parsed.pathname || '/', port, secret: webhookSecret(env, token) };
  }
  return out;
}
