import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

/**
 * The "两数" figures no form records (001): 支持建设农技协数 and 带动建档立卡贫困户脱贫人数,
 * reported per group by its coordinator. 组织动员专家数 is counted from registrations instead.
 */
export const INDICATORS = { associations: '支持建设农技协数', lifted: '带动建档立卡贫困户脱贫人数' } as const;
export type Indicator = keyof typeof INDICATORS;

export class IndicatorRepository {
  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
  ) {}

  async set(chatKey: string, name: Indicator, value: number): Promise<void> {
    await this.redis.hset(this.keys.indicators(chatKey), name, String(value));
  }

  /** Sum over groups; undefined for an indicator no group in scope has reported. */
  async sum(chatKeys: readonly string[]): Promise<Partial<Record<Indicator, number>>> {
    const out: Partial<Record<Indicator, number>> = {};
    for (const k of chatKeys) {
      const h = await this.redis.hgetall(this.keys.indicators(k));
      for (const name of Object.keys(INDICATORS) as Indicator[]) {
        if (h[name] !== undefined) out[name] = (out[name] ?? 0) + Number(h[name]);
      }
    }
    return out;
  }
}
