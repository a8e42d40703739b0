import type { BangfuRedis } from './redis.js';
import { applied } from './status.js';

/**
 * Runs `work` while renewing a conversation lock every third of its TTL, so a slow model call
 * (up to llm.totalTimeoutMs) does not lose the turn to another process. Renewal stops as soon as the
 * lock turns out not to be ours; `work` itself is never interrupted (its own deadline ends it).
 * For the dispatcher: wrap the step of a message that may call the model, with its lock key and token.
 */
export async function withLockRenewal<T>(
  redis: BangfuRedis,
  lockKey: string,
  token: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let held = true;
  const timer = setInterval(
    () => {
      if (!held) return;
      redis.bangfuLockRenew(lockKey, token, ttlMs).then(
        (code) => {
          if (!applied(code)) held = false;
        },
        () => undefined,
      );
    },
    Math.max(50, Math.floor(ttlMs / 3)),
  );
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
