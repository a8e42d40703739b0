/**
 * Exponential back-off, the one formula every retry uses: min·2ⁿ capped at max, optionally spread by
 * a random factor so many clients do not retry in step. The QQ reconnect and the WeChat login retry
 * keep state in a Backoff; the model client and Telegram's sender and poller pass their own counter.
 */
export interface BackoffOptions {
  /** The first wait (attempt 0). */
  minMs: number;
  /** No wait is longer, jitter included. */
  maxMs: number;
  /** Multiplies the wait by a factor drawn uniformly from [low, high]; no spread when absent. */
  jitter?: readonly [low: number, high: number];
  random?: () => number;
}

/** Past this many doublings every wait is at its cap anyway; the limit keeps 2ⁿ finite. */
const MAX_DOUBLINGS = 40;

/** The wait before retry number `attempt` (0 for the first retry), in whole milliseconds when jittered. */
export function backoffDelay(attempt: number, o: BackoffOptions): number {
  const base = Math.min(o.maxMs, o.minMs * 2 ** Math.min(attempt, MAX_DOUBLINGS));
  if (!o.jitter) return base;
  const [low, high] = o.jitter;
  const factor = low + (high - low) * (o.random ?? Math.random)();
  return Math.round(Math.min(o.maxMs, base * factor));
}

/** ±20%: reconnects of many bots after one outage spread out. */
const RECONNECT_JITTER = [0.8, 1.2] as const;

/** A back-off that counts its own attempts: next() after each failure, reset() after a success. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next wait: min·2ⁿ, capped at max, ±20%. */
  next(): number {
    return backoffDelay(this.attempt++, { minMs: this.minMs, maxMs: this.maxMs, jitter: RECONNECT_JITTER, random: this.random });
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
