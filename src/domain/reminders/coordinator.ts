import type { RunCoordinator } from 'node-cron';
import type { Keys } from '../../store/keys.js';
import type { BangfuRedis } from '../../store/redis.js';

/**
 * node-cron fires in every process (node-cron #159); this coordinator lets exactly one process run
 * each scheduled slot: the first `SET NX PX` on the slot's key wins. The lease outlives the slot,
 * so a process that starts late in the same minute does not run it again.
 */
export function redisRunCoordinator(redis: BangfuRedis, keys: Keys): RunCoordinator {
  return {
    async shouldRun(slot: string, ttlMs: number): Promise<boolean> {
      const ok = await redis.set(keys.cronLease(slot), String(process.pid), 'PX', Math.max(ttlMs, 120_000), 'NX');
      return ok === 'OK';
    },
  };
}
