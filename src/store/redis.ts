import { Redis, type RedisOptions } from 'ioredis';
import { registerScripts, type BangfuScripts } from './scripts.js';

export type { ScriptReply } from './status.js';

/**
 * The Redis client with every bangfu script registered (src/store/scripts.ts). Code outside
 * src/store only passes it on to the store's classes; it never calls Redis itself.
 */
export interface BangfuRedis extends Redis, BangfuScripts {}

/**
 * Auto-pipelining batches the commands of concurrent conversations into one write, which is
 * what lets one process keep tens of thousands of conversations moving per second.
 */
export function connectRedis(url: string, extra: RedisOptions = {}): BangfuRedis {
  const redis = new Redis(url, {
    enableAutoPipelining: true,
    maxRetriesPerRequest: 3,
    lazyConnect: false,
    ...extra,
  });
  registerScripts(redis);
  return redis as BangfuRedis;
}
