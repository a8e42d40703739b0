import { describe, expect, it } from 'vitest';
import { SlidingWindow, Spacing, TokenBucket } from '../../../src/bot/telegram/rate-limit.js';

/** A clock the test moves by hand: the limiters' arithmetic, not the machine's speed, is checked. */
function manualClock(): { now: () => number; set(t: number): void } {
  let t = 0;
  return { now: () => t, set: (v) => void (t = v) };
}

describe('outbound limits (Telegram: ~1/s per chat, 20/min per group, 30/s overall)', () => {
  it('a chat may send 3 at once, then one a second', () => {
    const c = manualClock();
    const b = new TokenBucket(1, 3, c.now);
    expect(Array.from({ length: 5 }, () => b.reserve().wait)).toEqual([0, 0, 0, 1000, 2000]);
  });

  it('a group gets at most 20 in any minute, counted from when Telegram answered', () => {
    const c = manualClock();
    const w = new SlidingWindow(20, 60_000, c.now);
    const slots = Array.from({ length: 21 }, () => w.reserve());
    expect(slots.slice(0, 20).every((s) => s.wait === 0)).toBe(true);
    expect(slots[20]!.wait).toBe(60_000);
    // A window counts from when Telegram answered (the request reached it by then): two requests
    // answered after 200 and 300 ms hold the next one back until 1 s after the earlier answer.
    const fresh = new SlidingWindow(2, 1000, c.now);
    const [a, b] = [fresh.reserve(), fresh.reserve()];
    c.set(200);
    b!.done();
    c.set(300);
    a!.done();
    expect(fresh.reserve().wait).toBe(1200 - 300);
  });

  it('the bot as a whole sends evenly, 30 a second, never 30 at once', () => {
    const c = manualClock();
    const s = new Spacing(30, c.now);
    const waits = Array.from({ length: 31 }, () => s.reserve().wait);
    expect(waits[1]).toBeCloseTo(1000 / 30);
    expect(waits[30]).toBeCloseTo(1000);
  });
});
