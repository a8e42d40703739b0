import { deadlineSchema, type Deadline, type DeadlineInput } from '../domain/reminders/deadline.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

/** Deadlines in one Redis hash, so every bot process sees a coordinator's change at once. */
export class DeadlineRepository {
  constructor(private readonly redis: BangfuRedis, private readonly keys: Keys) {}

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
