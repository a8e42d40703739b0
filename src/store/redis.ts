import { Redis, type RedisOptions } from 'ioredis';
import { claim4, commit3, commitAmend8, commitSave8, kick3, move2, updateRecord2 } from './lua.js';

/** Reply of our Lua scripts: a status word followed by optional values (Redis nil → null). */
export type ScriptReply = [string, ...(string | number | null)[]];

/** The Redis client with bangfu's scripts registered (sent once, then run by SHA). */
export interface BangfuRedis extends Redis {
  bangfuClaim(...args: (string | number)[]): Promise<ScriptReply>;
  bangfuKick(...args: (string | number)[]): Promise<ScriptReply>;
  bangfuCommit(...args: (string | number)[]): Promise<ScriptReply>;
  bangfuCommitSave(...args: (string | number)[]): Promise<ScriptReply>;
  bangfuMove(...args: (string | number)[]): Promise<number>;
  bangfuCommitAmend(...args: (string | number)[]): Promise<ScriptReply>;
  bangfuUpdateRecord(...args: (string | number)[]): Promise<number>;
}

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
  redis.defineCommand('bangfuClaim', { numberOfKeys: 4, lua: claim4 });
  redis.defineCommand('bangfuKick', { numberOfKeys: 3, lua: kick3 });
  redis.defineCommand('bangfuCommit', { numberOfKeys: 3, lua: commit3 });
  redis.defineCommand('bangfuCommitSave', { numberOfKeys: 8, lua: commitSave8 });
  redis.defineCommand('bangfuMove', { numberOfKeys: 2, lua: move2 });
  redis.defineCommand('bangfuCommitAmend', { numberOfKeys: 8, lua: commitAmend8 });
  redis.defineCommand('bangfuUpdateRecord', { numberOfKeys: 2, lua: updateRecord2 });
  return redis as BangfuRedis;
}
