import { z } from 'zod';
import { deadlinesSchema, quotasSchema, rolesSchema } from '../domain/config.js';
import { backoffSchema, groupEntry, pacingSchema } from '../bot/groupchat/config.js';
import { scheduleSchema } from '../domain/reminders/config.js';
import { llmSchema } from '../llm/config.js';

/**
 * Deployable settings. Every field has a default so an empty file (or none) runs the console bot;
 * secrets (REDIS_URL passwords, bot tokens, API keys) are never read from this file, only from env.
 */
export const configSchema = z
  .object({
    timezone: z.string().default('Asia/Shanghai').describe('所有日期按此时区理解'),
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
        dedupeTtlHours: z.number().positive().max(24 * 30).default(48),
      })
      .prefault({}),
    console: z
      .object({
        user: z.string().min(1).default('local-expert'),
        name: z.string().min(1).default('本地专家'),
        group: z.string().min(1).default('本地帮扶群'),
      })
      .prefault({}),
    org: z.object({ unit: z.string().default('') }).prefault({}),
    quotas: quotasSchema,
    roles: rolesSchema,
    amendDeadlines: deadlinesSchema,
    schedule: scheduleSchema,
    llm: llmSchema,
    platforms: z
      .object({
        telegram: z
          .object({
            enabled: z.boolean().default(false).describe('启用 Telegram；只设置环境变量 TELEGRAM_BOT_TOKEN 也会启用。令牌、webhook 地址与密钥只从环境变量读取'),
            pollTimeoutSec: z.number().int().min(0).max(50).default(30).describe('长轮询 getUpdates 每次最多等待的秒数（未设置 TELEGRAM_WEBHOOK_URL 时使用长轮询）'),
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
          .prefault({}),
        wechat: z
          .object({
            enabled: z.boolean().default(false).describe('启用微信（wechaty）；puppet 由环境变量 WECHATY_PUPPET / WECHATY_PUPPET_TOKEN 指定'),
            groups: z
              .array(groupEntry(z.string().min(1).optional().describe('群 id（room id，日志“group not in the config”中可见）；留空则第一次见到同名群时按其 id 绑定，之后改群名也不影响'), '导出表格中的群名，邀请入群时据此识别'))
              .default([])
              .describe('机器人服务的微信群；不在此列的群里机器人不发言'),
            pacing: pacingSchema,
            loginRetry: backoffSchema(5000, 300_000, 'puppet 连不上微信服务器时的退避重试', '登录失败后首次重试等待'),
          })
          .prefault({}),
        qq: z
          .object({
            enabled: z.boolean().default(false).describe('启用 QQ（OneBot 11）；地址与令牌由环境变量 QQ_ONEBOT_URL / QQ_ONEBOT_TOKEN 指定'),
            groups: z
              .array(groupEntry(z.union([z.string().regex(/^\d{5,12}$/, '群号应为 5-12 位数字'), z.number().int().positive()]).transform(String).describe('QQ 群号'), '导出表格中的群名'))
              .default([])
              .describe('机器人服务的 QQ 群；邀请入其他群会被拒绝，不在此列的群里机器人不发言'),
            pacing: pacingSchema,
            reconnect: backoffSchema(1000, 30_000, '与 NapCat / Lagrange 的 WebSocket 断开后的重连', '断线后首次重连等待'),
            fileTransfer: z
              .enum(['path', 'base64'])
              .default('path')
              .describe('发文件的方式：path 传本机文件路径（QQ 实现与 bangfu 在同一台机器时），base64 传文件内容（不在同一台机器时，需实现支持 base64://）'),
          })
          .prefault({}),
      })
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
