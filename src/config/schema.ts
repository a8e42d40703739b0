import { z } from 'zod';
import { isTimeZone } from '../core/tz.js';
import { consoleSection } from '../bot/console/config.js';
import { qqSection } from '../bot/qq/config.js';
import { telegramSection } from '../bot/telegram/config.js';
import { wechatSection } from '../bot/wechat/config.js';
import { deadlinesSchema, quotasSchema, rolesSchema } from '../domain/config.js';
import { scheduleSchema } from '../domain/reminders/config.js';
import { llmSchema } from '../llm/config.js';

/**
 * Deployable settings. Every field has a default so an empty file (or none) runs the console bot;
 * secrets (REDIS_URL passwords, bot tokens, API keys) are never read from this file, only from env.
 * Each part defines its own section next to the code that reads it; only the global fields live here.
 */
export const configSchema = z
  .object({
    timezone: z
      .string()
      .default('Asia/Shanghai')
      .refine(isTimeZone, { error: (i) => `时区「${String(i.input)}」不存在，请写 IANA 时区名，例如 Asia/Shanghai` })
      .describe('所有日期按此时区理解'),
    dataDir: z.string().default('./data').describe('内置 Redis 数据、日志、导出文件的目录'),
    log: z.object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') }).prefault({}),
    redis: z
      .object({
        keyPrefix: z.string().min(1).default('bangfu:'),
        /** Filled from REDIS_URL only; absent means "start the embedded redis-server". */
        url: z.string().url().optional(),
      })
      .prefault({}),
    conversation: z
      .object({
        ttlDays: z.number().positive().max(365).default(7),
        lockTtlMs: z.number().int().min(500).max(600_000).default(5000),
        dedupeTtlHours: z
          .number()
          .positive()
          .max(24 * 30)
          .default(48),
      })
      .prefault({}),
    console: consoleSection,
    org: z.object({ unit: z.string().default('') }).prefault({}),
    quotas: quotasSchema,
    roles: rolesSchema,
    amendDeadlines: deadlinesSchema,
    schedule: scheduleSchema,
    llm: llmSchema,
    platforms: z.object({ telegram: telegramSection, wechat: wechatSection, qq: qqSection }).prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
