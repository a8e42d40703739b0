import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BindingStore, type GroupBinding } from '../../src/store/bindings.js';
import { createKeys } from '../../src/store/keys.js';
import { connectRedis } from '../../src/store/redis.js';

const redis = connectRedis(inject('redisUrl'));
const keys = createKeys(`test-${randomUUID()}:`);
const store = new BindingStore(redis, keys);

afterAll(async () => {
  const stale = await redis.keys(`${keys.prefix}*`);
  if (stale.length) await redis.del(...stale);
  await redis.quit();
});

const binding = (chatId: string, over: Partial<GroupBinding> = {}): GroupBinding => ({
  platform: 'wechat',
  chatId,
  name: '光东村帮扶群',
  region: '龙井市',
  team: '水稻队',
  boundAt: '2026-11-23T02:00:00.000Z',
  ...over,
});

describe('the binding store', () => {
  it('binds by name once, keeps the first bind time, and answers region and name owner', async () => {
    expect(await store.bind('wechat:r1', 'wechat:光东村帮扶群', binding('r1'))).toEqual({ status: 'bound', binding: binding('r1') });
    const again = await store.bind('wechat:r1', 'wechat:光东村帮扶群', binding('r1', { team: '', boundAt: '2026-12-01T00:00:00.000Z' }));
    expect(again).toEqual({ status: 'bound', binding: binding('r1', { team: '' }) });
    expect(await store.bind('wechat:r2', 'wechat:光东村帮扶群', binding('r2'))).toEqual({ status: 'taken', owner: 'wechat:r1' });
    expect(await store.nameOwner('wechat:光东村帮扶群')).toBe('wechat:r1');
    expect(await store.regionOf('wechat:r1')).toBe('龙井市');
    expect(await store.regionOf('wechat:nowhere')).toBe('');
  });

  it('lists every binding, leaving out a malformed one', async () => {
    await redis.hset(keys.groupBindings(), 'wechat:broken', '{not json');
    const all = await store.all();
    expect(all.get('wechat:r1')).toMatchObject({ name: '光东村帮扶群' });
    expect(all.has('wechat:broken')).toBe(false);
  });
});
