import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

/** Leases on scheduled slots (`SET NX PX`): the first process to ask for a slot gets it. */
export class CronLeases {
  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
  ) {}

  /** True for the one process that takes `slot`; the lease, held for `ttlMs`, keeps latecomers out. */
  async take(slot: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.cronLease(slot), String(process.pid), 'PX', ttlMs, 'NX')) === 'OK';
  }
}
