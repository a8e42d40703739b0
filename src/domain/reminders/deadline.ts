import { z } from 'zod';
import { ISO_DATE } from '../../core/iso-date.js';

/**
 * A date by which a form is due from a set of groups. The seeds' deadlines ship in config as
 * examples; coordinators add, move and remove them in chat. `per` says who must submit:
 * every registered member of a group ('member'), or the group once ('group', e.g. one 工作安排表
 * per team).
 */
export const deadlineSchema = z.object({
  id: z.string().regex(/^[\w-]{1,40}$/, '编号只能用字母、数字、- 和 _'),
  form: z.string().min(1).describe('表单 id，如 ledger、workplan'),
  title: z.string().min(1).describe('提醒里显示的名称，如「扶贫工作队工作安排表」'),
  due: ISO_DATE.describe('截止日期 YYYY-MM-DD'),
  timezone: z.string().default('Asia/Shanghai'),
  /** chatKeys of the bound groups, or ['*'] for every group the bot serves. */
  groups: z.array(z.string().min(1)).min(1).default(['*']),
  per: z.enum(['member', 'group']).default('member'),
  /** Records from this date on count as submissions (default: 120 days before the due date). */
  opens: ISO_DATE.optional(),
  source: z.enum(['config', 'chat']).default('config'),
  /** Seed document and clause the date comes from, for the coordinator's reference. */
  basis: z.string().default(''),
});

export type Deadline = z.infer<typeof deadlineSchema>;
export type DeadlineInput = z.input<typeof deadlineSchema>;
