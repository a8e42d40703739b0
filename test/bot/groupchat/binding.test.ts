import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { GroupBindings, type GroupSpec } from '../../../src/bot/groupchat/binding.js';
import { createLogger } from '../../../src/log/logger.js';
import { BindingStore } from '../../../src/store/bindings.js';
import { createKeys } from '../../../src/store/keys.js';
import { connectRedis } from '../../../src/store/redis.js';
import { LogCapture } from './app.js';

const prefix = `test-${randomUUID()}:`;
const redis = connectRedis(inject('redisUrl'));
const keys = createKeys(prefix);
const store = new BindingStore(redis, keys);
const logs = new LogCapture();

afterAll(async () => {
  await redis.quit();
});
afterEach(async () => {
  const stale = await redis.keys(`${prefix}*`);
  if (stale.length) await redis.del(...stale);
});

/** A process's view of the bindings under the given config (a restart = a new instance). */
const open = (groups: GroupSpec[], platform = 'wechat', isGone?: (id: string) => Promise<boolean>): GroupBindings =>
  new GroupBindings({
    store,
    platform,
    groups,
    logger: createLogger('debug', logs),
    now: () => new Date('2026-11-23T02:00:00Z'),
    ...(isGone ? { isGone } : {}),
  });

describe('group bindings', () => {
  it('an entry without an id binds the first group seen with its name, by room id, and keeps it after a rename', async () => {
    const b = open([{ name: '光东村帮扶群', region: '龙井市', team: '水稻队' }]);
    await b.sync();
    expect(await b.resolve('room-1@chatroom', '光东村帮扶群')).toMatchObject({
      chatId: 'room-1@chatroom',
      name: '光东村帮扶群',
      region: '龙井市',
      team: '水稻队',
    });
    // Someone renames the group: it is still the same group.
    expect(await b.resolve('room-1@chatroom', '光东村帮扶群（新）')).toMatchObject({ name: '光东村帮扶群' });
    // A second group given the old name later does not take the binding.
    expect(await b.resolve('room-2@chatroom', '光东村帮扶群')).toBeUndefined();
    // After a restart the renamed group is still served; the impostor still is not.
    const again = open([{ name: '光东村帮扶群', region: '龙井市', team: '水稻队' }]);
    await again.sync();
    expect(await again.resolve('room-1@chatroom', '别的名字')).toMatchObject({ name: '光东村帮扶群' });
    expect(await again.resolve('room-2@chatroom', '光东村帮扶群')).toBeUndefined();
  });

  it('an entry with an id binds that chat only; edits of region/team are applied, the first bind time kept', async () => {
    const first = open([{ id: '734512998', name: '光东村帮扶群', region: '龙井市', team: '' }], 'qq');
    await first.sync();
    expect(await first.resolve('734512998')).toMatchObject({ region: '龙井市', boundAt: '2026-11-23T02:00:00.000Z' });
    expect(await first.resolve('111111111', '光东村帮扶群')).toBeUndefined();
    const edited = new GroupBindings({
      store,
      platform: 'qq',
      groups: [{ id: '734512998', name: '光东村帮扶群', region: '龙井市东盛涌镇', team: '水稻队' }],
      logger: createLogger('silent'),
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    await edited.sync();
    const stored = JSON.parse((await redis.hget(keys.groupBindings(), 'qq:734512998'))!) as Record<string, string>;
    expect(stored).toMatchObject({ region: '龙井市东盛涌镇', team: '水稻队', boundAt: '2026-11-23T02:00:00.000Z' });
  });

  it('a group removed from the config is no longer served', async () => {
    const before = open([{ id: 'r1', name: 'A', region: '', team: '' }]);
    await before.sync();
    expect(await before.resolve('r1')).toBeDefined();
    const after = open([]);
    await after.sync();
    expect(await after.resolve('r1', 'A')).toBeUndefined();
  });

  it('a name-bound group is recognised by another process that bound nothing itself', async () => {
    const groups = [{ name: '光西村帮扶群', region: '', team: '' }];
    const a = open(groups);
    const b = open(groups);
    await Promise.all([a.sync(), b.sync()]);
    await a.resolve('room-9', '光西村帮扶群');
    // b never saw the old name; the group was renamed before it got a message there.
    expect(await b.resolve('room-9', '光西村技术交流群')).toMatchObject({ chatId: 'room-9', name: '光西村帮扶群' });
  });

  it('a name-bound group whose old id is gone (new WeChat login session) is bound again under its new id', async () => {
    const groups = [{ name: '光东村帮扶群', region: '龙井市', team: '' }];
    const alive = new Set(['old-id']);
    const b = open(groups, 'wechat', async (id) => !alive.has(id));
    await b.sync();
    await b.resolve('old-id', '光东村帮扶群');
    // While the old room exists, a same-named group does not take its place.
    expect(await b.resolve('other-id', '光东村帮扶群')).toBeUndefined();
    // New session: the old id is gone, the group shows up under a new id.
    alive.clear();
    alive.add('new-id');
    const fresh = open(groups, 'wechat', async (id) => !alive.has(id));
    await fresh.sync();
    expect(await fresh.resolve('new-id', '光东村帮扶群')).toMatchObject({ chatId: 'new-id', region: '龙井市' });
    expect(await fresh.resolve('old-id')).toBeUndefined();
    expect(Object.keys(await redis.hgetall(keys.groupBindings()))).toEqual(['wechat:new-id']);
    expect(logs.has('group re-bound: its old chat id no longer exists (new login session)')).toBe(true);
  });

  it('invitations: by group number for QQ, by name for WeChat (ids are unknown before joining)', () => {
    const b = open([
      { id: '734512998', name: '甲群', region: '', team: '' },
      { name: '乙群', region: '', team: '' },
    ]);
    expect(b.isConfigured({ chatId: '734512998' })).toBe(true);
    expect(b.isConfigured({ chatId: '1' })).toBe(false);
    expect(b.isConfigured({ name: '乙群' })).toBe(true);
    expect(b.isConfigured({ name: '丙群' })).toBe(false);
  });
});
