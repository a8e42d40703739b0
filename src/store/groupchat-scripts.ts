import type { Redis } from 'ioredis';
import { bind2, outboxBury2, outboxRelease1, outboxTake3 } from './lua/groupchat.js';

/** Reply of our Lua scripts: a status word followed by optional values. */
export type GroupchatScriptReply = [string, ...(string | number)[]];

/** The shared Redis client with the group surfaces' scripts registered (sent once, then run by SHA). */
export interface GroupchatRedis extends Redis {
  bangfuOutboxTake(queue: string, sending: string, lease: string, token: string, leaseMs: number): Promise<GroupchatScriptReply>;
  bangfuOutboxBury(sending: string, dead: string, json: string, keep: number): Promise<number>;
  bangfuOutboxRelease(lease: string, token: string): Promise<number>;
  bangfuBind(bindings: string, names: string, chatKey: string, nameField: string, json: string, replace: string): Promise<GroupchatScriptReply>;
}

/**
 * Adds the scripts to the app's client rather than opening a second connection: WeChat and QQ in one
 * process share it, and registering twice is harmless (ioredis keeps one definition per name).
 */
export function withGroupchatScripts(redis: Redis): GroupchatRedis {
  if (!('bangfuOutboxTake' in redis)) {
    redis.defineCommand('bangfuOutboxTake', { numberOfKeys: 3, lua: outboxTake3 });
    redis.defineCommand('bangfuOutboxBury', { numberOfKeys: 2, lua: outboxBury2 });
    redis.defineCommand('bangfuOutboxRelease', { numberOfKeys: 1, lua: outboxRelease1 });
    redis.defineCommand('bangfuBind', { numberOfKeys: 2, lua: bind2 });
  }
  return redis as GroupchatRedis;
}
