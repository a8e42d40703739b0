import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';
import { toAdmit, type AdmitReply } from './status.js';

export type { AdmitReply } from './status.js';

/** One local day's model usage, in total and per group. */
export interface DayUsage {
  day: string;
  tokens: number;
  calls: number;
  groups: Record<string, { tokens: number; calls: number }>;
}

/** The limits one admission is checked against (0 budget = none). */
export interface AdmitLimits {
  perUser: number;
  global: number;
  budget: number;
  windowMs: number;
}

/** Usage hashes are kept for a while after their day, so a coordinator can look back at a month. */
const USAGE_TTL_SEC = 40 * 24 * 3600;

/**
 * The LLM limits' counters in Redis: per-minute call windows (per user and for the whole bot) and
 * one usage hash per local day (`tokens`, `calls`, and `tokens:<chatKey>` / `calls:<chatKey>`).
 * What the limits are and when they apply is src/llm/limits.ts'.
 */
export class LlmLimitStore {
  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
  ) {}

  /** Checks and counts one call in the user's and the bot's window of `minute` (llmAdmit-3). */
  async admit(userKey: string, minute: number, day: string, l: AdmitLimits): Promise<AdmitReply> {
    const k = this.keys;
    const r = await this.redis.bangfuLlmAdmit(
      k.llmWindow(`user:${userKey}`, minute),
      k.llmWindow('global', minute),
      k.llmUsage(day),
      l.perUser,
      l.global,
      l.budget,
      l.windowMs,
    );
    return toAdmit(r);
  }

  /** Adds a finished call's tokens to the day's total and to its group's, in one transaction. */
  async record(day: string, chatKey: string, tokens: number): Promise<void> {
    const key = this.keys.llmUsage(day);
    await this.redis
      .multi()
      .hincrby(key, 'tokens', tokens)
      .hincrby(key, 'calls', 1)
      .hincrby(key, `tokens:${chatKey}`, tokens)
      .hincrby(key, `calls:${chatKey}`, 1)
      .expire(key, USAGE_TTL_SEC)
      .exec();
  }

  async usage(day: string): Promise<DayUsage> {
    const h = await this.redis.hgetall(this.keys.llmUsage(day));
    const groups: DayUsage['groups'] = {};
    for (const [field, v] of Object.entries(h)) {
      const m = /^(tokens|calls):(.+)$/.exec(field);
      if (!m) continue;
      const g = (groups[m[2]!] ??= { tokens: 0, calls: 0 });
      g[m[1] as 'tokens' | 'calls'] = Number(v);
    }
    return { day, tokens: Number(h.tokens ?? 0), calls: Number(h.calls ?? 0), groups };
  }
}
