import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';

describe('wechat / qq config', () => {
  it('defaults: off, no groups, 1–3 s pacing', () => {
    const c = configSchema.parse({});
    expect(c.platforms.wechat).toMatchObject({ enabled: false, groups: [], pacing: { minDelayMs: 1000, maxDelayMs: 3000 } });
    expect(c.platforms.qq).toMatchObject({
      enabled: false,
      groups: [],
      pacing: { minDelayMs: 1000, maxDelayMs: 3000 },
      fileTransfer: 'path',
    });
  });

  it('a QQ group number written as a YAML number is read as its digits; region and team default to empty', () => {
    const c = configSchema.parse({ platforms: { qq: { groups: [{ id: 734512998, name: '光东村帮扶群' }] } } });
    expect(c.platforms.qq.groups).toEqual([{ id: '734512998', name: '光东村帮扶群', region: '', team: '' }]);
  });

  it.each([
    [{ qq: { groups: [{ id: '12ab', name: 'x' }] } }, '群号应为 5-12 位数字'],
    [{ qq: { groups: [{ name: 'x' }] } }, 'id'],
    [{ wechat: { groups: [{ name: 'x', regoin: '龙井' }] } }, 'regoin'],
    [{ wechat: { pacing: { minDelayMs: 3000, maxDelayMs: 1000 } } }, 'maxDelayMs 不能小于 minDelayMs'],
  ])('rejects %j', (platforms, why) => {
    const r = configSchema.safeParse({ platforms });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(why);
  });
});
