import { z } from 'zod';
import { ROLE_NAMES } from './roles/model.js';

/**
 * Config sections for the official forms: who may sign off (roles), how many nominations and
 * projects a deployment may hand in (quotas, with the seeds' numbers as defaults), and until when a
 * record can still be amended (deadlines). Kept apart from schema.ts so platform sections and these
 * grow without touching each other.
 */

export type { RoleName as Role } from './roles/model.js';

/** 003 附件2 山东省科协精准扶贫专家服务行动名额分配表 (total 240). */
export const SHANDONG_PROJECT_QUOTA: Readonly<Record<string, number>> = {
  济南: 8,
  淄博: 8,
  枣庄: 8,
  东营: 5,
  烟台: 5,
  潍坊: 15,
  济宁: 15,
  泰安: 12,
  威海: 5,
  日照: 5,
  莱芜: 5,
  临沂: 45,
  德州: 30,
  聊城: 15,
  滨州: 15,
  菏泽: 44,
};

/**
 * 001 gives 扶贫重点省份 1-2 teams and 2-3 individuals but does not list them; the default is the
 * 22 central and western provinces that signed the 2016 poverty-alleviation responsibility pledges.
 * A deployment edits the list.
 */
export const KEY_PROVINCES = [
  '河北',
  '山西',
  '内蒙古',
  '吉林',
  '黑龙江',
  '安徽',
  '江西',
  '河南',
  '湖北',
  '湖南',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
];

const range = (min: number, max: number) =>
  z.object({ min: z.number().int().min(0).default(min), max: z.number().int().min(0).default(max) }).prefault({});

export const quotasSchema = z
  .object({
    nominations: z
      .object({
        scheme: z
          .enum(['unit', 'province', 'none'])
          .default('unit')
          .describe('unit：每单位名额（000 电机工程学会）；province：按省名额（001 全国扶贫办）；none：不限'),
        perUnit: z
          .object({ team: range(0, 1), individual: range(0, 1) })
          .prefault({})
          .describe('000：每个单位申报优秀团队和优秀个人各 1 个'),
        province: z.string().default('').describe('按省推荐时，本部署代表的省份（如 吉林）'),
        keyProvinces: z.array(z.string()).default(KEY_PROVINCES).describe('扶贫重点省份'),
        keyProvince: z
          .object({ team: range(1, 2), individual: range(2, 3) })
          .prefault({})
          .describe('001：重点省份 1-2 个团队、2-3 名个人'),
        otherProvince: z
          .object({ team: range(0, 1), individual: range(0, 1) })
          .prefault({})
          .describe('001：其他省份、全国学会不超过 1 个团队、1 名个人'),
      })
      .prefault({}),
    projects: z
      .object({
        byCity: z
          .record(z.string(), z.number().int().min(0))
          .default({ ...SHANDONG_PROJECT_QUOTA })
          .describe('项目书名额（按申报地址所在市计），默认为 003 附件2 山东省名额分配表'),
      })
      .prefault({}),
  })
  .prefault({});

/** A role alone (`county`) or with its scope (`{ role: county, regions: [吉林省延边州龙井市] }`). */
const roleEntry = z.union([
  z.enum(ROLE_NAMES),
  z.object({ role: z.enum(ROLE_NAMES), groups: z.array(z.string()).default([]), regions: z.array(z.string()).default([]) }).strict(),
]);

export const rolesSchema = z
  .record(z.string(), z.array(roleEntry))
  .default({})
  .describe(
    '用户 → 角色。键为「平台:用户ID」（发送 /whoami 可查看），值为角色或带范围的角色：groups 为群（平台:群ID），regions 为地区前缀',
  );

export const deadlinesSchema = z
  .record(z.string(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'))
  .default({})
  .describe('表单 id → 修改截止日期：此日期之后作者不能再「修改记录」');

export type QuotasConfig = z.infer<typeof quotasSchema>;
