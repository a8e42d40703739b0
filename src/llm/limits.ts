import { localDate } from '../core/tz.js';
import type { DayUsage, LlmLimitStore } from '../store/llm-limits.js';
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

export type { DayUsage } from '../store/llm-limits.js';

const WINDOW_MS = 60_000;

/**
 * Rate limits (per user and for the whole bot, per minute) and the daily token budget, counted in
 * Redis (src/store/llm-limits.ts) so they hold across processes. A refused call is not an error:
 * the caller falls back to the rules.
 */
export class LlmLimits {
  constructor(
    private readonly store: LlmLimitStore,
    private readonly cfg: Pick<LlmConfig, 'perUserPerMinute' | 'globalPerMinute' | 'dailyTokenBudget'>,
    private readonly timezone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Takes one call slot for `scope`, or says which limit stops it. */
  async admit(scope: CallScope): Promise<Admission> {
    const now = this.now();
    const minute = Math.floor(now.getTime() / WINDOW_MS);
    return this.store.admit(scope.userKey, minute, this.day(now), {
      perUser: this.cfg.perUserPerMinute,
      global: this.cfg.globalPerMinute,
      budget: this.cfg.dailyTokenBudget,
      windowMs: WINDOW_MS,
    });
  }

  /** Adds a finished call's tokens to the day's total and to its group's. */
  async record(scope: CallScope, tokens: number): Promise<void> {
    await this.store.record(this.day(this.now()), scope.chatKey, Math.max(0, Math.round(tokens)));
  }

  /** One local day's usage (today when `day` is absent), in total and per group. */
  async usage(day = this.day(this.now())): Promise<DayUsage> {
    return this.store.usage(day);
  }

  private day(now: Date): string {
    return localDate(now, this.timezone);
  }
}
