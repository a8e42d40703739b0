import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

/**
 * Role grants in Redis: one hash per user (grant id → grant JSON) and a set of the users holding
 * any. Grants are opaque JSON here; what a grant is and allows is src/domain/roles'.
 */
export class GrantStore {
  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
  ) {}

  /** The user's grants as stored, in no particular order. */
  async list(userKey: string): Promise<string[]> {
    return this.redis.hvals(this.keys.roleGrants(userKey));
  }

  /** The user's grants by grant id. */
  async entries(userKey: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.keys.roleGrants(userKey));
  }

  /** Stores (or replaces) one grant and lists the user among the grant holders. */
  async put(userKey: string, grantId: string, json: string): Promise<void> {
    await this.redis.hset(this.keys.roleGrants(userKey), grantId, json);
    await this.redis.sadd(this.keys.roleUsers(), userKey);
  }

  /** Removes grants by id; the number removed. */
  async remove(userKey: string, grantIds: readonly string[]): Promise<number> {
    return grantIds.length ? this.redis.hdel(this.keys.roleGrants(userKey), ...grantIds) : 0;
  }
}
