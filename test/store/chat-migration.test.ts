import { afterEach, describe, expect, it } from 'vitest';
import { handOverToPrivate } from '../../src/flows/handover.js';
import { migrateChat } from '../../src/store/chat-migration.js';
import { createKeys } from '../../src/store/keys.js';
import { ALICE, BOB, GROUP, LEDGER_RUN, makeHarness, say, type Harness } from '../helpers/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

const NEW_ID = 'g1-super';
const newGroup = { ...GROUP, id: NEW_ID };
const CAROL = { id: 'u-carol', name: '张强' };

describe('migrateChat: a group that changes its id', () => {
  it('moves records, open drafts (also ones continued privately) and the group’s title; running it again changes nothing', async () => {
    const h = makeHarness();
    harnesses.push(h);
    const keys = createKeys(h.prefix);
    const other = { ...GROUP, id: 'g2', title: '光西村帮扶群' };
    await say(h, LEDGER_RUN, { user: ALICE });
    await say(h, ['台账 2026年10月1日 光东村 2 果树修剪 20 满意', '确认'], { user: ALICE });
    await say(h, LEDGER_RUN, { user: BOB, chat: other });
    // Bob has a draft open in the group; Carol moved hers to a private chat, still counted for the group.
    await say(h, ['台账', '昨天', '光东村'], { user: BOB });
    await say(h, ['台账', '前天'], { user: CAROL });
    const carolDm = { id: 'dm-carol', kind: 'private' as const };
    expect(await handOverToPrivate(h.conversations, 'test', GROUP, carolDm, CAROL)).toBe('moved');

    const r = await migrateChat(h.redis, keys, 'test', GROUP.id, NEW_ID);
    expect(r).toMatchObject({ records: 2, drafts: 2 });
    expect(await h.records.count({ form: 'ledger', chatKey: 'test:g1' })).toBe(0);
    expect(await h.records.count({ form: 'ledger', chatKey: 'test:g1-super' })).toBe(2);
    expect(await h.records.count({ form: 'ledger', chatKey: 'test:g2' })).toBe(1);
    for await (const rec of h.records.scan({ form: 'ledger', chatKey: 'test:g1-super' })) {
      expect(rec.meta).toMatchObject({ chatId: NEW_ID, chatKey: 'test:g1-super', chatTitle: '光东村帮扶群' });
    }
    expect(await h.records.groupTitles()).toEqual({ 'test:g1-super': '光东村帮扶群', 'test:g2': '光西村帮扶群' });

    // Again (Telegram announces the move twice): nothing left to do.
    expect(await migrateChat(h.redis, keys, 'test', GROUP.id, NEW_ID)).toEqual({ records: 0, drafts: 0, bindings: 0 });

    // Both drafts finish under the new id.
    h.sink.clear();
    await say(h, ['1', '水稻育秧技术', '45', '良好', '确认'], { user: BOB, chat: newGroup });
    expect(h.sink.last('u-bob')).toContain('已保存');
    await say(h, ['光东村', '1', '果树修剪', '20', '满意', '确认'], { user: CAROL, chat: carolDm });
    expect(h.sink.last('u-carol')).toContain('已保存');
    expect(await h.records.count({ form: 'ledger', chatKey: 'test:g1-super' })).toBe(4);
    expect(await h.records.count({ form: 'ledger', chatKey: 'test:g1' })).toBe(0);
  });

  it('moves the group’s binding and the names bound to it', async () => {
    const h = makeHarness();
    harnesses.push(h);
    const keys = createKeys(h.prefix);
    await h.redis.hset(
      keys.groupBindings(),
      'test:g1',
      JSON.stringify({ platform: 'test', chatId: 'g1', name: '光东村帮扶群', region: '龙井市', team: '一队' }),
    );
    await h.redis.hset(keys.groupBindingNames(), 'test:光东村帮扶群', 'test:g1');
    expect(await migrateChat(h.redis, keys, 'test', 'g1', NEW_ID)).toMatchObject({ bindings: 2 });
    const bound = await h.redis.hgetall(keys.groupBindings());
    expect(Object.keys(bound)).toEqual(['test:g1-super']);
    expect(JSON.parse(bound['test:g1-super']!)).toMatchObject({ chatId: NEW_ID, name: '光东村帮扶群', region: '龙井市' });
    expect(await h.redis.hget(keys.groupBindingNames(), 'test:光东村帮扶群')).toBe('test:g1-super');
  });
});
