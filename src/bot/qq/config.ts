import { z } from 'zod';
import { backoffSchema, groupEntry, pacingSchema } from '../groupchat/config.js';

const groupNumber = z
  .union([z.string().regex(/^\d{5,12}$/, '群号应为 5-12 位数字'), z.number().int().positive()])
  .transform(String)
  .describe('QQ 群号');

/** `platforms.qq` of the config file; the OneBot address and token come from the environment only. */
export const qqSection = z
  .object({
    enabled: z.boolean().default(false).describe('启用 QQ（OneBot 11）；地址与令牌由环境变量 QQ_ONEBOT_URL / QQ_ONEBOT_TOKEN 指定'),
    groups: z
      .array(groupEntry(groupNumber, '导出表格中的群名'))
      .default([])
      .describe('机器人服务的 QQ 群；邀请入其他群会被拒绝，不在此列的群里机器人不发言'),
    pacing: pacingSchema,
    reconnect: backoffSchema(1000, 30_000, '与 NapCat / Lagrange 的 WebSocket 断开后的重连', '断线后首次重连等待'),
    fileTransfer: z
      .enum(['path', 'base64'])
      .default('path')
      .describe(
        '发文件的方式：path 传本机文件路径（QQ 实现与 bangfu 在同一台机器时），base64 传文件内容（不在同一台机器时，需实现支持 base64://）',
      ),
  })
  .prefault({});

export type QqConfig = z.infer<typeof qqSection>;

/** The part of the config the QQ surface and its doctor read. */
export interface WithQq {
  platforms: { qq: QqConfig };
}

export interface OneBotEnv {
  /** QQ_ONEBOT_URL: the implementation's forward WebSocket, e.g. ws://127.0.0.1:3001. */
  url?: string | undefined;
  /** QQ_ONEBOT_TOKEN */
  token?: string | undefined;
}

export function oneBotEnv(env: NodeJS.ProcessEnv): OneBotEnv {
  return { url: env.QQ_ONEBOT_URL, token: env.QQ_ONEBOT_TOKEN };
}
