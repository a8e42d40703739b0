import type { Redis } from 'ioredis';
import { localDate } from '../core/tz.js';
import type { Keys } from '../store/keys.js';
import { llmAdmit3 } from '../store/lua/llm.js';
import type { LlmConfig } from './config.js';

/** Why a call was not admitted; the caller then uses its rule-based path. */
export type Refusal = 'user' | 'global' | 'budget';

export type Admission = { ok: true } | { ok: false; why: Refusal };

/** Who a call is for: the limits count per user, the usage is recorded per group. */
export interface CallScope {
  userKey: string;
  /** The group the call counts for (the chat, or an open draft's origin). */
  chatKey: string;
}

export interface DayUsage {
  day: string;
  tokens: number;
  calls: number;
  groups: Record<string, { tokens: number; calls: number }>;
}

interface LimitsRedis extends Redis {
  bangfuLlmAdmit(userWindow: string, globalWindow: string, usage: string, perUser: number, global: number, budget: number, ttlMs: number): Promise<[string, number?]>;
}

const WINDOW_MS = 60_000;
/** Usage hashes are kept for a while after their day, so a coordinator can look back at a month. */
const USAGE_TTL_SEC = 40 * 24 * 3600;

/**
 * Rate limits (per user and for the whole bot, per minute) and the daily token budget, in Redis so
 * they hold across processes. A refused call is not an error: the caller falls back to the rules.
 */
export class LlmLimits {
  private readonly redis: LimitsRedis;

  constructor(
    redis: Redis,
    private readonly keys: Keys,
    private readonly cfg: Pick<LlmConfig, 'perUserPerMinute' | 'globalPerMinute' | 'dailyTokenBudget'>,
    private readonly timezone: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (!('bangfuLlmAdmit' in redis)) redis.defineCommand('bangfuLlmAdmit', { numberOfKeys: 3, lua: llmAdmit3 });
    this.redis = redis as LimitsRedis;
  }

  /** Takes one call slot for `scope`, or says which limit stops it. */
  async admit(scope: CallScope): Promise<Admission> {
    const now = this.now();
    const minute = Math.floor(now.getTime() / WINDOW_MS);
    const [status] = await this.redis.bangfuLlmAdmit(
      this.keys.llmWindow(`user:${scope.userKey}`, minute), this.keys.llmWindow('global', minute), this.keys.llmUsage(this.day(now)),
      this.cfg.perUserPerMinute, this.cfg.globalPerMinute, this.cfg.dailyTokenBudget, WINDOW_MS,
    );
    return status === 'ok' ? { ok: true } : { ok: false, why: status as Refusal };
  }

  /** Adds a finished call's tokens to the day's total and to its group's. */
  async record(scope: CallScope, tokens: number): Promise<void> {
    const key = this.keys.llmUsage(this.day(this.now()));
    const t = Math.max(0, Math.round(tokens));
    await this.redis
      .multi()
      .hincrby(key, 'tokens', t)
      .hincrby(key, 'calls', 1)
      .hincrby(key, `tokens:${scope.chatKey}`, t)
      .hincrby(key, `calls:${scope.chatKey}`, 1)
      .expire(key, USAGE_TTL_SEC)
      .exec();
  }

  /** One local day's usage (today when `day` is absent), in total and per group. */
  async usage(day = this.day(this.now())): Promise<DayUsage> {
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

  private day(now: Date): string {
    return localDate(now, this.timezone);
  }
}
