import { z } from 'zod';

/**
 * Config pieces the group-chat platforms share (WeChat and QQ): a bound group, the paced outbox
 * and a doubling back-off. One definition, so the two platforms cannot drift apart.
 */
export function groupEntry(id: z.ZodType<string | undefined>, nameNote: string) {
  return z
    .object({
      id,
      name: z.string().min(1).describe(`群名称：${nameNote}`),
      region: z.string().default('').describe('所属地区，如 吉林省延边州龙井市'),
      team: z.string().default('').describe('所属帮扶队 / 专家服务团'),
    })
    .strict();
}

export const pacingSchema = z
  .object({
    minDelayMs: z.number().int().min(0).max(60_000).default(1000).describe('两条消息之间最短间隔（毫秒）'),
    maxDelayMs: z.number().int().min(0).max(120_000).default(3000).describe('两条消息之间最长间隔（毫秒），在两者之间随机'),
  })
  .refine((p) => p.maxDelayMs >= p.minDelayMs, { message: 'maxDelayMs 不能小于 minDelayMs' })
  .prefault({})
  .describe('发送节奏：每个账号的消息排队发送，避免集中提醒导致账号受限');

export function backoffSchema(minMs: number, maxMs: number, note: string, first: string) {
  return z
    .object({
      minMs: z.number().int().min(10).default(minMs).describe(`${first}（毫秒）`),
      maxMs: z.number().int().min(10).default(maxMs).describe('等待上限（毫秒），每次翻倍'),
    })
    .prefault({})
    .describe(note);
}
