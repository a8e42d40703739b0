import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

/** A claim outlives every ladder (the last overdue rung is weeks after the due date). */
const CLAIM_TTL_SEC = 400 * 86_400;

/**
 * Exactly-once claims of reminder rungs (`SET NX EX`): whoever claims a rung of a deadline in a
 * group sends it; the claim, not the process, decides, and it survives restarts.
 */
export class ReminderClaims {
  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
  ) {}

  /**
   * True the first time a rung of a deadline (at this due date: a moved date starts a new ladder)
   * is claimed for a group; `at` is kept as the claim's value, for a look in redis-cli.
   */
  async claim(deadlineId: string, due: string, chatKey: string, rung: string, at: Date): Promise<boolean> {
    const key = this.keys.reminderSent(`${deadlineId}@${due}`, chatKey, rung);
    return (await this.redis.set(key, String(at.getTime()), 'EX', CLAIM_TTL_SEC, 'NX')) === 'OK';
  }
}
