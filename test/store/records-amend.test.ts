import { afterEach, describe, expect, it } from 'vitest';
import type { CommitResult } from '../../src/store/conversations.js';
import { diffValues, revOf } from '../../src/store/records.js';
import { makeHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
afterEach(async () => {
  const done = h as Harness | undefined;
  h = undefined as unknown as Harness;
  await done?.close();
});

const meta = {
  platform: 'test',
  chatId: 'g1',
  chatKey: 'test:g1',
  chatTitle: '光东村帮扶群',
  userId: 'u1',
  userKey: 'test:u1',
  userName: '李明',
  createdAt: '2026-11-23T02:00:00.000Z',
};
const values = { date: '2026-11-20', place: '光东村', activityForm: '技术培训', content: '水稻育秧', participants: 45, effect: '好' };
const by = { userKey: 'test:u1', userName: '李明' };
const savedOf = (r: CommitResult): string => ('saved' in r ? r.saved : r.status);

async function saved(id: string) {
  const c = h.conversations;
  await c.claim('conv', 'chat', `m-${id}`, 'x', 't1', false);
  await c.commit('conv', 't1', null, h.records.prepare('ledger', id, values, meta));
  return (await h.records.get('ledger', id))!;
}

describe('record revisions on real Redis', () => {
  it('a new revision replaces the record, re-dates its indexes and appends one audit entry, in one step', async () => {
    h = makeHarness();
    const rec = await saved('r-1');
    expect(revOf(rec)).toBe(1);
    const amend = h.records.prepareAmend(rec, { ...values, date: '2026-11-02', place: '光西村' }, by, '2026-11-23T03:00:00.000Z');
    await h.conversations.claim('conv', 'chat', 'm2', 'x', 't2', false);
    expect(await h.conversations.commitAmend('conv', 't2', null, amend)).toEqual({ status: 'done', saved: 'amended' });
    const now = (await h.records.get('ledger', 'r-1'))!;
    expect(now).toMatchObject({ rev: 2, values: { place: '光西村', date: '2026-11-02' }, updatedBy: by, meta });
    expect(await h.redis.zscore(`${h.prefix}idx:ledger:all`, 'r-1')).toBe('20261102');
    expect(await h.records.count({ form: 'ledger', from: '2026-11-01', to: '2026-11-05' })).toBe(1);
    expect(await h.records.history('ledger', 'r-1')).toEqual([
      {
        at: '2026-11-23T03:00:00.000Z',
        by: 'test:u1',
        byName: '李明',
        op: 'amend',
        rev: 2,
        before: { date: '2026-11-20', place: '光东村' },
        after: { date: '2026-11-02', place: '光西村' },
      },
    ]);
  });

  it('a revision prepared from an older read is refused and nothing is written', async () => {
    h = makeHarness();
    const rec = await saved('r-2');
    const first = h.records.prepareAmend(rec, { ...values, place: 'A' }, by, '2026-11-23T03:00:00.000Z');
    const stale = h.records.prepareAmend(rec, { ...values, place: 'B' }, by, '2026-11-23T03:01:00.000Z');
    await h.conversations.claim('conv', 'chat', 'm2', 'x', 't2', false);
    expect(savedOf(await h.conversations.commitAmend('conv', 't2', null, first))).toBe('amended');
    await h.conversations.claim('conv', 'chat', 'm3', 'x', 't3', false);
    expect(savedOf(await h.conversations.commitAmend('conv', 't3', null, stale))).toBe('conflict');
    expect((await h.records.get('ledger', 'r-2'))!.values.place).toBe('A');
    expect(await h.records.history('ledger', 'r-2')).toHaveLength(1);
    await h.redis.del(`${h.prefix}rec:ledger:r-2`);
    await h.conversations.claim('conv', 'chat', 'm4', 'x', 't4', false);
    expect(savedOf(await h.conversations.commitAmend('conv', 't4', null, stale))).toBe('gone');
  });

  it('update() is the same check for changes made outside a draft', async () => {
    h = makeHarness();
    const rec = await saved('r-3');
    const entry = { at: 'x', by: 'b', byName: 'B', op: 'approve' as const, rev: 2, before: {}, after: {} };
    expect(await h.records.update({ ...rec, rev: 2 }, 1, entry)).toBe('updated');
    expect(await h.records.update({ ...rec, rev: 2 }, 1, entry)).toBe('conflict');
    expect(await h.records.update({ ...rec, id: 'nope', rev: 2 }, 1, entry)).toBe('gone');
  });

  it('finds records by the short id shown in chat, within a user’s own records', async () => {
    h = makeHarness();
    await saved('3f2a9c1b-aaaa');
    await saved('3f2a0000-bbbb');
    expect((await h.records.findByShortId('3f2a9c1b', ['ledger'])).map((r) => r.id)).toEqual(['3f2a9c1b-aaaa']);
    expect(await h.records.findByShortId('3f2a', ['ledger'])).toHaveLength(2);
    expect(await h.records.findByShortId('3f2a9c1b', ['ledger'], { userKey: 'test:someone-else' })).toEqual([]);
    expect(await h.records.findByShortId('*', ['ledger'])).toEqual([]);
  });

  it('diffValues keeps only what changed', () => {
    expect(diffValues({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], d: 'y' })).toEqual({
      before: { b: [1, 2], c: 'x' },
      after: { b: [1, 3], d: 'y' },
    });
  });
});
