/**
 * Exponential back-off with jitter for reconnects and login retries: a QQ implementation that is
 * down, or a WeChat puppet that cannot reach its servers, is retried ever more slowly, never in a loop.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next wait: min·2ⁿ, capped at max, ±20% so many clients do not retry in step. */
  next(): number {
    const base = Math.min(this.maxMs, this.minMs * 2 ** this.attempt);
    this.attempt++;
    return Math.round(Math.min(this.maxMs, base * (0.8 + 0.4 * this.random())));
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
