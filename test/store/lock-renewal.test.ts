import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { withLockRenewal } from '../../src/store/lock-renewal.js';
import { createKeys, type Keys } from '../../src/store/keys.js';
import { connectRedis, type BangfuRedis } from '../../src/store/redis.js';

let redis: BangfuRedis;
let keys: Keys;
beforeEach(() => {
  redis = connectRedis(inject('redisUrl'));
  keys = createKeys(`test-${randomUUID()}:`);
});
afterEach(async () => {
  const stale = await redis.keys(`${keys.prefix}*`);
  if (stale.length) await redis.del(...stale);
  await redis.quit();
});

describe('holding a conversation lock through a slow model call', () => {
  it('keeps the lock ours for longer than its TTL while the work runs', async () => {
    const lock = keys.convLock('test:g1:u1');
    await redis.set(lock, 'mine', 'PX', 300);
    const holder = await withLockRenewal(redis, lock, 'mine', 300, async () => {
      await sleep(1000);
      return redis.get(lock);
    });
    expect(holder).toBe('mine');
  });

  it('never takes over a lock that another process holds', async () => {
    const lock = keys.convLock('test:g1:u2');
    await redis.set(lock, 'theirs', 'PX', 5000);
    await withLockRenewal(redis, lock, 'mine', 300, () => sleep(400));
    expect(await redis.get(lock)).toBe('theirs');
  });
});
