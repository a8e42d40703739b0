import { z } from 'zod';
import { backoffSchema, groupEntry, pacingSchema } from '../groupchat/config.js';

const groupId = z
  .string()
  .min(1)
  .optional()
  .describe('群 id（room id，日志“group not in the config”中可见）；留空则第一次见到同名群时按其 id 绑定，之后改群名也不影响');

/** `platforms.wechat` of the config file; the puppet and its token come from the environment only. */
export const wechatSection = z
  .object({
    enabled: z.boolean().default(false).describe('启用微信（wechaty）；puppet 由环境变量 WECHATY_PUPPET / WECHATY_PUPPET_TOKEN 指定'),
    groups: z
      .array(groupEntry(groupId, '导出表格中的群名，邀请入群时据此识别'))
      .default([])
      .describe('机器人服务的微信群；不在此列的群里机器人不发言'),
    pacing: pacingSchema,
    loginRetry: backoffSchema(5000, 300_000, 'puppet 连不上微信服务器时的退避重试', '登录失败后首次重试等待'),
  })
  .prefault({});

export type WechatConfig = z.infer<typeof wechatSection>;

/** The part of the config the WeChat surface reads. */
export interface WithWechat {
  platforms: { wechat: WechatConfig };
}

/** The puppet used when WECHATY_PUPPET is not set: the free web-protocol puppet. */
export const DEFAULT_PUPPET = 'wechaty-puppet-wechat4u';

export interface WechatEnv {
  /** A puppet package name. */
  puppet: string;
  /** For service puppets (wechaty-puppet-service, padlocal…). */
  puppetToken?: string | undefined;
}

/** WECHATY_PUPPET (empty counts as unset) and WECHATY_PUPPET_TOKEN. */
export function wechatEnv(env: NodeJS.ProcessEnv): WechatEnv {
  return { puppet: env.WECHATY_PUPPET || DEFAULT_PUPPET, puppetToken: env.WECHATY_PUPPET_TOKEN };
}
