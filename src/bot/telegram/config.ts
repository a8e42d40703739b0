import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../../core/config-error.js';

/** `platforms.telegram` of the config file: how to run, never secrets (those come from env below). */
export const telegramSection = z
  .object({
    enabled: z
      .boolean()
      .default(false)
      .describe('启用 Telegram；只设置环境变量 TELEGRAM_BOT_TOKEN 也会启用。令牌、webhook 地址与密钥只从环境变量读取'),
    pollTimeoutSec: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(30)
      .describe('长轮询 getUpdates 每次最多等待的秒数（未设置 TELEGRAM_WEBHOOK_URL 时使用长轮询）'),
    webhookMaxConnections: z.number().int().min(1).max(100).default(10).describe('webhook 模式下 Telegram 同时推送的最大连接数'),
    pacing: z
      .object({
        perChatPerSecond: z.number().positive().default(1).describe('每个会话每秒最多发送的消息数（Telegram 建议不超过 1）'),
        perChatBurst: z.number().int().min(1).default(3).describe('每个会话允许连发的条数，之后按上面的速度'),
        perGroupPerMinute: z.number().positive().default(20).describe('每个群每分钟最多发送的消息数（Telegram 限制 20）'),
        globalPerSecond: z.number().positive().default(30).describe('整个机器人每秒最多发送的消息数（Telegram 限制约 30）'),
      })
      .prefault({})
      .describe('发送节奏：按会话排队，遇到 429 按 retry_after 等待后重发，顺序不变'),
    stopGraceSec: z.number().min(0).max(300).default(10).describe('停止时最多等待多少秒把队列里的消息发完'),
  })
  .prefault({});

export type TelegramConfig = z.infer<typeof telegramSection>;

/** The part of the config the Telegram surface and its doctor read. */
export interface WithTelegram {
  platforms: { telegram: TelegramConfig };
}

/** Everything secret or deployment-specific about the Telegram bot comes from the environment. */
export interface TelegramSettings {
  token: string;
  /** A local Bot API server, or the test stand-in; api.telegram.org when unset. */
  apiRoot?: string;
  webhook?: { url: string; path: string; port: number; secret: string };
}

export const DEFAULT_HTTP_PORT = 8080;

/**
 * Before validation: a TELEGRAM_BOT_TOKEN is a clear intent, so it runs Telegram (and not the
 * console, which would exit on a server without a terminal) unless the file says enabled: false
 * explicitly. `platforms` returns the file's platforms section, created when first asked for.
 */
export function enableTelegramByToken(env: NodeJS.ProcessEnv, platforms: () => Record<string, unknown>): void {
  if (!env.TELEGRAM_BOT_TOKEN) return;
  const tg = (platforms().telegram ??= {}) as Record<string, unknown>;
  if (tg.enabled === undefined) tg.enabled = true;
}

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
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new ConfigError([`BANGFU_HTTP_PORT: 应为 0-65535 的端口号（现在是 ${env.BANGFU_HTTP_PORT ?? ''}）`]);
    out.webhook = { url, path: parsed.pathname || '/', port, secret: webhookSecret(env, token) };
  }
  return out;
}
