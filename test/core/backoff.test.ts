import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from '../../src/core/backoff.js';

describe('back-off', () => {
  it.each([
    [0, 500],
    [1, 1000],
    [3, 4000],
    [6, 30_000],
    [5000, 30_000],
  ])('attempt %i waits %i ms without jitter (min 500, max 30 s)', (attempt, ms) => {
    expect(backoffDelay(attempt, { minMs: 500, maxMs: 30_000 })).toBe(ms);
  });

  it('jitter spreads the wait over [low, high] of it and never past the cap', () => {
    const at = (r: number, attempt: number): number =>
      backoffDelay(attempt, { minMs: 100, maxMs: 1000, jitter: [0.8, 1.2], random: () => r });
    expect(at(0, 0)).toBe(80);
    expect(at(0.5, 0)).toBe(100);
    expect(at(0.999999, 0)).toBe(120);
    expect(at(0.999999, 10)).toBe(1000);
    expect(backoffDelay(2, { minMs: 100, maxMs: 1000, jitter: [0.75, 1], random: () => 0 })).toBe(300);
  });

  it('the stateful Backoff doubles per attempt, ±20%, until reset', () => {
    const b = new Backoff(1000, 60_000, () => 0.5);
    expect([b.next(), b.next(), b.next()]).toEqual([1000, 2000, 4000]);
    expect(b.attempts).toBe(3);
    b.reset();
    expect(b.next()).toBe(1000);
    const low = new Backoff(1000, 60_000, () => 0);
    expect(low.next()).toBe(800);
  });
});
