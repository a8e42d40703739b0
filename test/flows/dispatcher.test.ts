import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, BOB, GROUP, LEDGER_RUN, makeHarness, msg, say, type Harness } from '../helpers/harness.js';

const harnesses: Harness[] = [];
const open = (o: Parameters<typeof makeHarness>[0] = {}): Harness => {
  const h = makeHarness(o);
  harnesses.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function ledger(h: Harness) {
  const out = [];
  for await (const r of h.records.scan({ form: 'ledger' })) out.push(r);
  return out;
}

describe('Dispatcher: chat message → Redis record', () => {
  it('a typed ledger entry becomes one validated record with who, where and when', async () => {
    const h = open();
    await say(h, LEDGER_RUN);
    expect(h.sink.last()).toContain('✅ 已保存《工作台账》');
    const [rec, ...rest] = await ledger(h);
    expect(rest).toHaveLength(0);
    expect(rec?.values).toEqual({
      date: '2026-11-22',
      place: '光东村',
      activityForm: '技术培训',
      content: '水稻育秧技术',
      participants: 45,
      effect: '群众反映良好',
    });
    expect(rec?.meta).toMatchObject({ platform: 'test', chatId: 'g1', chatTitle: '光东村帮扶群', userId: 'u-alice', userName: '李明' });
  });

  it('a redelivered message changes nothing: same ids twice → one record, one set of replies', async () => {
    const h = open();
    const events = LEDGER_RUN.map((t) => msg(t));
    for (const ev of events) {
      await h.dispatcher.handle(ev);
      await h.dispatcher.idle();
    }
    const replies = h.sink.sent.length;
    for (const ev of events) expect(await h.dispatcher.handle(ev)).toBe('duplicate');
    await h.dispatcher.idle();
    expect(h.sink.sent.length).toBe(replies);
    expect(await ledger(h)).toHaveLength(1);
  });

  it('two experts filling the ledger at once in one group never touch each other’s drafts', async () => {
    const h = open();
    const alice = ['台账', '昨天', '光东村', '1', '水稻育秧', '45', '良好', '确认'];
    const bob = ['台账', '前天', '光西村', '2', '果树修剪', '20', '满意', '确认'];
    for (let i = 0; i < alice.length; i++) {
      await h.dispatcher.handle(msg(alice[i]!, { user: ALICE }));
      await h.dispatcher.handle(msg(bob[i]!, { user: BOB }));
    }
    await h.dispatcher.idle();
    const recs = await ledger(h);
    const byUser = Object.fromEntries(recs.map((r) => [r.meta.userName, r.values]));
    expect(byUser['李明']).toMatchObject({ date: '2026-11-22', place: '光东村', activityForm: '技术培训', participants: 45 });
    expect(byUser['王芳']).toMatchObject({ date: '2026-11-21', place: '光西村', activityForm: '现场指导', participants: 20 });
    expect(h.sink.texts('u-bob').at(-1)).toContain('已保存');
  });

  it('in a group, chatter not addressed to the bot is ignored unless that person has a form open', async () => {
    const h = open();
    expect(await h.dispatcher.handle(msg('大家好', { addressed: false }))).toBe('ignored');
    expect(await h.dispatcher.handle(msg('台账', { addressed: false }))).toBe('processed');
    await h.dispatcher.idle();
    expect(await h.dispatcher.handle(msg('昨天', { addressed: false }))).toBe('processed');
    expect(await h.dispatcher.handle(msg('我也去了', { addressed: false, user: BOB }))).toBe('ignored');
    await h.dispatcher.idle();
    expect(h.sink.last('u-alice')).toContain('【2/6】地点');
    expect(h.sink.texts('u-bob')).toEqual([]);
  });

  it('a restarted process continues the form where the user left it', async () => {
    const first = open();
    await say(first, ['台账', '昨天', '光东村']);
    // A new process on the same Redis (same prefix): nothing of the old one's memory is used.
    const second = open({ prefix: first.prefix });
    await say(second, ['查看']);
    expect(second.sink.texts().join('\n')).toContain('2. 地点：光东村');
    await say(second, ['1', '水稻育秧技术', '45人', '群众反映良好', '确认']);
    expect(await ledger(second)).toHaveLength(1);
  });

  it('messages waiting behind a crashed holder are handled once its lock expires', async () => {
    const h = open({ lockTtlMs: 500 });
    // Simulate a process that claimed the conversation and died before committing.
    const conv = `test:g1:u-alice`;
    const ev = msg('台账');
    await h.conversations.claim(conv, 'test:g1', ev.messageId, JSON.stringify(ev), 'dead-process', false);
    expect(await h.dispatcher.handle(msg('昨天'))).toBe('queued');
    await h.dispatcher.idle();
    // Both the orphaned '台账' and the queued '昨天' were handled, in order.
    expect(h.sink.texts()).toEqual([
      expect.stringContaining('开始填写'),
      expect.stringContaining('【1/6】'),
      expect.stringContaining('【2/6】地点'),
    ]);
  });

  it('masks phone and ID numbers in every reply', async () => {
    const h = open();
    await say(h, ['台账', '昨天', '光东村', '1', '联系人13812345678 身份证110101199003074514', '45', '好']);
    const all = h.sink.texts().join('\n');
    expect(all).toContain('138****5678');
    expect(all).toContain('110101********4514');
    expect(all).not.toContain('13812345678');
    expect(all).not.toContain('110101199003074514');
  });

  it('a confirmed record from a group is found by group, user and date range', async () => {
    const h = open();
    await say(h, LEDGER_RUN);
    await say(h, ['台账 2026年10月1日 光西村 2 果树修剪 20 满意', '确认'], { chat: { ...GROUP, id: 'g2', title: '光西村帮扶群' } });
    expect(await h.records.count({ form: 'ledger', chatKey: 'test:g2' })).toBe(1);
    expect(await h.records.count({ form: 'ledger', userKey: 'test:u-alice' })).toBe(2);
    expect(await h.records.count({ form: 'ledger', from: '2026-11-01', to: '2026-11-30' })).toBe(1);
    expect(await h.records.groupTitles()).toEqual({ 'test:g1': '光东村帮扶群', 'test:g2': '光西村帮扶群' });
  });
});

describe('continuing a group draft in a private chat', () => {
  it('moves the draft, resumes where it was, and files the record under the group', async () => {
    const { handOverToPrivate } = await import('../../src/flows/handover.js');
    const h = open();
    await say(h, ['台账', '昨天', '光东村']);
    const dm = { id: 'dm-alice', kind: 'private' as const };
    expect(await handOverToPrivate(h.conversations, 'test', GROUP, dm, ALICE)).toBe('moved');
    // Nothing is left open in the group; the private chat shows what was already typed.
    expect(await h.conversations.peekState('test:g1:u-alice')).toBeNull();
    h.sink.clear();
    await say(h, ['查看', '1', '水稻育秧技术', '45', '良好', '确认'], { chat: dm });
    expect(h.sink.texts()[0]).toContain('2. 地点：光东村');
    const [rec] = await ledger(h);
    expect(rec?.meta).toMatchObject({ chatId: 'g1', chatKey: 'test:g1', chatTitle: '光东村帮扶群' });
    expect(await h.records.count({ form: 'ledger', chatKey: 'test:g1' })).toBe(1);
    // No draft to move → 'none'; a draft already open in private is never overwritten → 'busy'.
    expect(await handOverToPrivate(h.conversations, 'test', GROUP, dm, ALICE)).toBe('none');
    await say(h, ['台账']);
    await say(h, ['台账'], { chat: dm });
    expect(await handOverToPrivate(h.conversations, 'test', GROUP, dm, ALICE)).toBe('busy');
  });
});

describe('query commands', () => {
  const leader = { config: { roles: { 'test:u-alice': [{ role: 'team-leader', groups: ['test:g1'] }] } } };
  it('/export in a group sends that group’s ledger as an XLSX file and leaves an open draft alone', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const h = open(leader);
    await say(h, LEDGER_RUN);
    await say(h, ['台账 2026年11月2日 光西村 科普讲座 防诈骗 80 好', '确认'], { chat: { ...GROUP, id: 'g2', title: '光西村帮扶群' } });
    await say(h, ['台账', '昨天']);
    h.sink.clear();
    await say(h, ['/export@bangfu_bot']);
    const file = h.sink.sent.find((s) => s.action.kind === 'file')?.action;
    expect(file?.kind).toBe('file');
    if (file?.kind !== 'file') return;
    expect(file.fileName).toMatch(/^工作台账-光东村帮扶群-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect((ws.getRow(2).values as unknown[]).slice(2, 4)).toEqual(['2026-11-22', '光东村']);
    // The draft is still where it was.
    await say(h, ['查看']);
    expect(h.sink.last()).toContain('【2/6】地点');
  });

  it('/export csv in a group with no records says so instead of sending an empty file', async () => {
    const h = open(leader);
    await say(h, ['/export csv']);
    expect(h.sink.last()).toContain('还没有《工作台账》记录');
  });
});
