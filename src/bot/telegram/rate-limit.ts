/**
 * The limiters the outbound queue combines. Each hands out reservations: `reserve()` books a send
 * slot now, possibly one in the future, and says how long to wait for it; callers queue up in the
 * order they asked. `done()` is called when the request has been answered.
 */
export interface Slot {
  wait: number;
  done(): void;
}

export interface Limiter {
  reserve(): Slot;
}

const now = (): number => performance.now();
const noop = (): void => undefined;

/**
 * A token bucket: `rate` per second on average, with up to `capacity` at once after a quiet spell.
 * Used per chat, where Telegram tolerates "short bursts" over one message a second.
 */
export class TokenBucket implements Limiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSec: number,
    private readonly capacity: number,
    private readonly clock = now,
  ) {
    if (!(ratePerSec > 0) || !(capacity >= 1)) throw new Error('token bucket needs a positive rate and a capacity of at least 1');
    this.tokens = capacity;
    this.last = clock();
  }

  reserve(): Slot {
    const t = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.ratePerSec);
    this.last = t;
    this.tokens -= 1;
    return { wait: this.tokens >= 0 ? 0 : (-this.tokens / this.ratePerSec) * 1000, done: noop };
  }
}

/**
 * At most `limit` requests in any window of `windowMs`, as the server sees them: a slot opens only
 * `windowMs` after the request `limit` places earlier was *answered* (it reached the server no
 * later than that), so network jitter cannot squeeze one more into a window. Used per group,
 * where Telegram allows 20 messages a minute; the wait added is one round trip per minute.
 */
export class SlidingWindow implements Limiter {
  /** Booked or answered times, ascending. */
  private readonly slots: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock = now,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new Error('sliding window needs a limit of at least 1 and a positive window');
  }

  reserve(): Slot {
    const t = this.clock();
    while (this.slots.length && this.slots[0]! <= t - this.windowMs) this.slots.shift();
    const n = Math.floor(this.limit);
    const bound = this.slots.length >= n ? this.slots[this.slots.length - n]! + this.windowMs : t;
    const slot = Math.max(t, bound);
    this.insert(slot);
    return {
      wait: slot - t,
      done: () => {
        const i = this.slots.indexOf(slot);
        if (i === -1) return;
        this.slots.splice(i, 1);
        this.insert(Math.max(slot, this.clock()));
      },
    };
  }

  private insert(v: number): void {
    let i = this.slots.length;
    while (i > 0 && this.slots[i - 1]! > v) i--;
    this.slots.splice(i, 0, v);
  }
}

/**
 * Evenly spaced slots, `perSecond` of them a second: never more than that in any second, and no
 * burst for the server to count against the bot. Used for the bot as a whole (about 30 a second).
 */
export class Spacing implements Limiter {
  private next: number;

  constructor(
    private readonly perSecond: number,
    private readonly clock = now,
  ) {
    if (!(perSecond > 0)) throw new Error('spacing needs a positive rate');
    this.next = clock();
  }

  reserve(): Slot {
    const t = this.clock();
    const slot = Math.max(t, this.next);
    this.next = slot + 1000 / this.perSecond;
    return { wait: slot - t, done: noop };
  }
}
