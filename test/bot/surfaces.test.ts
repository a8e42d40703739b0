import { describe, expect, it } from 'vitest';
import { platforms } from '../../src/bot/surfaces.js';
import { configSchema } from '../../src/config/schema.js';

const doctorLines = async (config: unknown, env: NodeJS.ProcessEnv = {}) => {
  const c = configSchema.parse(config);
  const out: string[] = [];
  for (const p of platforms) out.push(...(await p.doctor(c, env)).map((l) => `${p.name} ${l.ok ? '✓' : '✗'} ${l.text}`));
  return out;
};

describe('the platform registry', () => {
  it('lists every platform once, in the order they start and bangfu doctor reports them', () => {
    expect(platforms.map((p) => p.name)).toEqual(['telegram', 'wechat', 'qq']);
  });

  it('asks each platform for its own doctor lines: none for what the config leaves off', async () => {
    expect(await doctorLines({})).toEqual([]);
    const qqOnly = await doctorLines({ platforms: { qq: { enabled: true } } });
    expect(qqOnly[0]).toMatch(/^qq ✗ .*未设置 QQ_ONEBOT_URL/);
    expect(qqOnly.every((l) => l.startsWith('qq '))).toBe(true);
  });
});
