import type { Redis } from 'ioredis';
import { lockRenew1 } from './lua/llm.js';

interface RenewRedis extends Redis {
  bangfuLockRenew(lock: string, token: string, ttlMs: number): Promise<number>;
}

/**
 * Runs `work` while renewing a conversation lock every third of its TTL, so a slow model call
 * (up to llm.totalTimeoutMs) does not lose the turn to another process. Renewal stops as soon as the
 * lock turns out not to be ours; `work` itself is never interrupted (its own deadline ends it).
 * For the dispatcher: wrap the step of a message that may call the model, with its lock key and token.
 */
export async function withLockRenewal<T>(redis: Redis, lockKey: string, token: string, ttlMs: number, work: () => Promise<T>): Promise<T> {
  if (!('bangfuLockRenew' in redis)) redis.defineCommand('bangfuLockRenew', { numberOfKeys: 1, lua: lockRenew1 });
  const r = redis as RenewRedis;
  let held = true;
  const timer = setInterval(() => {
    if (!held) return;
    r.bangfuLockRenew(lockKey, token, ttlMs).then(
      (ok) => {
        if (ok === 0) held = false;
      },
      () => undefined,
    );
  }, Math.max(50, Math.floor(ttlMs / 3)));
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
