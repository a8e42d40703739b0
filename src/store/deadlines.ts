import { z } from 'zod';
import { ISO_DATE } from '../core/iso-date.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

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

/** Deadlines in one Redis hash, so every bot process sees a coordinator's change at once. */
export class DeadlineRepository {
  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
  ) {}

  async list(): Promise<Deadline[]> {
    const all = await this.redis.hvals(this.keys.deadlines());
    return all.map((j) => deadlineSchema.parse(JSON.parse(j))).sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<Deadline | undefined> {
    const j = await this.redis.hget(this.keys.deadlines(), id);
    return j === null ? undefined : deadlineSchema.parse(JSON.parse(j));
  }

  async put(input: DeadlineInput): Promise<Deadline> {
    const d = deadlineSchema.parse(input);
    await this.redis.hset(this.keys.deadlines(), d.id, JSON.stringify(d));
    return d;
  }

  async remove(id: string): Promise<boolean> {
    return (await this.redis.hdel(this.keys.deadlines(), id)) === 1;
  }

  /**
   * Config deadlines are the deployment's baseline: written at start-up, but a date a coordinator
   * moved in chat (source 'chat') is kept rather than reset by a restart.
   */
  async seedFromConfig(list: readonly DeadlineInput[]): Promise<void> {
    for (const input of list) {
      const existing = await this.get(input.id);
      if (existing?.source === 'chat') continue;
      await this.put({ ...input, source: 'config' });
    }
  }
}
