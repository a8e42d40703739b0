import { z } from 'zod';
import { deadlineSchema } from './deadline.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

/**
 * The seeds' own dates, shipped as examples. They are past (2017–2020): a deployment copies the
 * ones that apply, sets this year's dates, or adds its own in chat with /deadline add.
 */
export const SEED_DEADLINES = [
  { id: 'cee-exhibit', form: 'exhibit', title: '网上展览素材', due: '2020-07-08', per: 'group', basis: '000 三(三)：7月8日前报送展览素材' },
  {
    id: 'cee-nomination-team',
    form: 'team',
    title: '先进团队推荐材料',
    due: '2020-08-05',
    per: 'group',
    basis: '000 三(三)：8月5日前报送推荐材料',
  },
  {
    id: 'cee-nomination-person',
    form: 'individual',
    title: '先进个人推荐材料',
    due: '2020-08-05',
    per: 'group',
    basis: '000 三(三)：8月5日前报送推荐材料',
  },
  { id: 'nat-exhibit', form: 'exhibit', title: '网上展览素材', due: '2020-07-15', per: 'group', basis: '001：7月15日前报送展览素材' },
  {
    id: 'nat-nomination-team',
    form: 'team',
    title: '先进团队推荐材料',
    due: '2020-08-15',
    per: 'group',
    basis: '001：8月15日前报送推荐材料',
  },
  {
    id: 'nat-nomination-person',
    form: 'individual',
    title: '先进个人推荐材料',
    due: '2020-08-15',
    per: 'group',
    basis: '001：8月15日前报送推荐材料',
  },
  { id: 'jl-village', form: 'village', title: '一村一品调查表', due: '2017-11-30', per: 'group', basis: '004 三(一)：11月30日前报调查表' },
  {
    id: 'jl-household',
    form: 'household',
    title: '一户一策调查表',
    due: '2017-11-30',
    per: 'member',
    basis: '004 三(一)：11月30日前报调查表',
  },
  {
    id: 'jl-teamplan',
    form: 'teamplan',
    title: '扶贫工作队工作安排表',
    due: '2017-12-15',
    per: 'group',
    basis: '004 三(二)：12月15日前报表3',
  },
  {
    id: 'jl-summary',
    form: 'ledger',
    title: '总结材料及活动统计表',
    due: '2018-05-31',
    per: 'group',
    basis: '004 四：2018年5月末前报总结及统计表',
  },
] as const;

export const scheduleSchema = z
  .object({
    at: HHMM.default('09:00').describe('每级提醒在当天几点发出'),
    ladder: z.array(z.number().int().min(-60).max(0)).min(1).default([-7, -3, -1, 0]).describe('提前几天提醒（0 = 截止当天）'),
    overdueEveryDays: z.number().int().min(0).max(30).default(7).describe('逾期后每隔几天再提醒一次（0 = 不提醒）'),
    overdueMax: z.number().int().min(0).max(52).default(4).describe('逾期提醒最多几次'),
    quietHours: z
      .object({ start: HHMM.default('22:00'), end: HHMM.default('08:00') })
      .prefault({})
      .describe('免打扰时段：到期的提醒推迟到结束时再发，不会丢'),
    deadlines: z.array(deadlineSchema).default([]).describe('截止日期；群里也可用 /deadline add 添加'),
    targets: z
      .object({
        daysPerExpert: z.number().int().min(0).default(10).describe('每名专家每年到结对地区帮扶不少于几天（003 二(二)）'),
        activitiesPerYear: z.number().int().min(0).default(1000).describe('每年技术帮扶活动不少于几次（003 二(二)，全省）'),
        hoursPerExpert: z.number().int().min(0).default(800).describe('先进个人每年帮扶时长标准（002 第六条(三)）'),
      })
      .prefault({})
      .describe('进度里对照的目标'),
  })
  .prefault({});

export type ScheduleConfig = z.infer<typeof scheduleSchema>;
