import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { chatKey } from '../../../src/core/ids.js';
import type { StubChat, StubUser } from '../../helpers/telegram-api-stub.js';
import { ALICE, BOB, CAROL, callsOf, dm, GROUP, World } from './world.js';

const worlds: World[] = [];
const open = async (o: Parameters<typeof World.open>[0] = {}): Promise<World> => {
  const w = await World.open(o);
  worlds.push(w);
  return w;
};
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

const OTHER_GROUP: StubChat = { id: -1009999, type: 'supergroup', title: '光西村帮扶群' };

/** A whole ledger entry in one line, then 确认 by button. */
async function logOneLine(w: World, chat: StubChat, user: StubUser, line: string): Promise<void> {
  await w.say(chat, user, `/log ${line}`);
  await w.tap(chat, user, '确认');
}

async function xlsxRows(data: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const sends = (w: World, chatId?: number): number =>
  w.stub.calls.filter(
    (c) =>
      (c.method === 'sendMessage' || c.method === 'sendDocument') && c.ok && (chatId === undefined || Number(c.params.chat_id) === chatId),
  ).length;

describe('Telegram: /export', () => {
  it('sends the group’s ledger as an XLSX document whose rows match the records', async () => {
    const w = await open();
    await logOneLine(w, GROUP, ALICE, '2026年11月20日 光东村 1 水稻育秧技术 45人 群众反映良好');
    await logOneLine(w, GROUP, BOB, '2026年11月21日 光东村 2 果树修剪 20人 满意');
    await logOneLine(w, OTHER_GROUP, CAROL, '2026年11月21日 光西村 3 病虫害咨询 8人 解决问题3个');
    await w.say(GROUP, CAROL, '/export');

    const [doc, ...more] = w.stub.documents;
    expect(more).toHaveLength(0);
    expect(doc?.chatId).toBe(GROUP.id);
    expect(doc?.fileName).toMatch(/^工作台账-光东村帮扶群-.*\.xlsx$/);
    expect(doc?.caption).toContain('共 2 条');
    const [header, ...rows] = await xlsxRows(doc!.data);
    expect(header).toEqual(
      expect.arrayContaining(['序号', '时间', '地点', '帮扶活动形式', '内容', '参加人次', '服务效果', '专家', '群组']),
    );
    const col = (name: string): number => (header as string[]).indexOf(name);
    expect(rows.map((r) => [r[col('时间')], r[col('帮扶活动形式')], r[col('参加人次')], r[col('专家')], r[col('群组')]])).toEqual([
      ['2026-11-20', '技术培训', 45, '李明', '光东村帮扶群'],
      ['2026-11-21', '现场指导', 20, '王芳', '光东村帮扶群'],
    ]);
    // The document answers the /export message.
    const sent = w.stub.sent(GROUP.id).at(-1)!;
    expect((sent.reply_to_message as { text?: string }).text).toBe('/export');
  });

  it('“导出 csv” sends a CSV with a BOM; a group without records gets a short answer instead', async () => {
    const w = await open();
    await logOneLine(w, GROUP, ALICE, '2026年11月20日 光东村 1 水稻育秧技术 45人 群众反映良好');
    await w.say(GROUP, ALICE, '@bangfu_test_bot 导出 csv');
    const csv = w.stub.documents[0]!.data.toString('utf8');
    expect(csv.startsWith('\uFEFF序号')).toBe(true);
    expect(csv).toContain('水稻育秧技术');
    await w.say(OTHER_GROUP, BOB, '/export');
    expect(w.stub.documents).toHaveLength(1);
    expect(w.lastFor(OTHER_GROUP, BOB).text).toContain('暂无');
  });
});

describe('Telegram: at-least-once delivery', () => {
  it('updates delivered again after a restart change nothing: one record, one document, no repeated replies', async () => {
    const first = await World.open();
    const { stub, prefix } = first;
    let second: World | undefined;
    try {
      await first.say(GROUP, ALICE, '/log');
      for (const t of ['昨天', '光东村']) await first.answer(GROUP, ALICE, t);
      await first.tap(GROUP, ALICE, '技术培训');
      for (const t of ['水稻育秧技术', '45', '良好']) await first.answer(GROUP, ALICE, t);
      await first.tap(GROUP, ALICE, '确认');
      await first.say(GROUP, ALICE, '/export');
      const before = sends(first);
      const answered = callsOf(stub, 'answerCallbackQuery').length;
      expect(await first.ledger()).toHaveLength(1);
      await first.crash();

      // Telegram never received the confirming offset: every update comes again, to a new process.
      stub.redeliver();
      second = await World.open({ stub, prefix });
      await second.settle();
      expect(await second.ledger()).toHaveLength(1);
      expect(stub.documents).toHaveLength(1);
      expect(sends(second)).toBe(before);
      // The two taps did come again (each answered, as an expired button), and changed nothing.
      expect(
        callsOf(stub, 'answerCallbackQuery')
          .slice(answered)
          .map((a) => a.text),
      ).toEqual([expect.stringContaining('已过期'), expect.stringContaining('已过期')]);
    } finally {
      await second?.close();
      await stub.close();
    }
  });
});

describe('Telegram: limits', () => {
  it('a 429 storm delays replies but delivers every one, in order, in every chat', async () => {
    const w = await open();
    const stormUntil = Date.now() + 2500;
    w.stub.rules.push((method) =>
      method === 'sendMessage' && Date.now() < stormUntil
        ? { code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 }
        : undefined,
    );
    const chats: [StubChat, StubUser][] = [
      [dm(ALICE), ALICE],
      [dm(BOB), BOB],
      [GROUP, CAROL],
    ];
    const run = ['/log', '昨天', '光东村', '1', '水稻育秧技术', '45人', '良好', '确认'];
    // Everyone types fast: all updates arrive before the first reply is out.
    for (const t of run) for (const [chat, user] of chats) w.stub.say(chat, user, t);
    await w.settle();

    expect(w.stub.calls.filter((c) => c.method === 'sendMessage' && !c.ok).length).toBeGreaterThan(3);
    const expected = ['开始填写', '【1/6】', '【2/6】', '【3/6】', '【4/6】', '【5/6】', '【6/6】', '请核对', '已保存'];
    for (const [chat] of chats) expect(w.texts(chat)).toEqual(expected.map((s) => expect.stringContaining(s)));
    expect(await w.ledger()).toHaveLength(3);
    expect(w.surface.stats.retried429).toBeGreaterThan(3);
  });

  it('a 403 (bot blocked) marks that chat inactive and drops its queue; the others go on; unblocking restores the draft', async () => {
    const w = await open();
    let blocked = true;
    w.stub.rules.push((method, p) =>
      blocked && method === 'sendMessage' && Number(p.chat_id) === BOB.id
        ? { code: 403, description: 'Forbidden: bot was blocked by the user' }
        : undefined,
    );
    await w.say(dm(BOB), BOB, '/log');
    const bobKey = chatKey('telegram', String(BOB.id));
    expect(await w.app.redis.sismember(w.app.keys.inactiveChats(), bobKey)).toBe(1);
    const attempts = w.stub.calls.filter((c) => Number(c.params.chat_id) === BOB.id).length;
    expect(attempts).toBe(1); // the second reply of that batch was dropped, not tried

    await w.say(GROUP, ALICE, '/log');
    expect(w.lastFor(GROUP, ALICE).text).toContain('【1/6】');

    // Bob unblocks the bot: Telegram reports it, and the conversation carries on where it was.
    blocked = false;
    w.stub.push({
      my_chat_member: {
        chat: dm(BOB),
        from: BOB,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: w.stub.bot, status: 'kicked' },
        new_chat_member: { user: w.stub.bot, status: 'member' },
      },
    });
    await w.settle();
    expect(await w.app.redis.sismember(w.app.keys.inactiveChats(), bobKey)).toBe(0);
    await w.say(dm(BOB), BOB, '查看');
    expect(w.lastFor(dm(BOB), BOB).text).toContain('【1/6】时间');
  });

  it('a bot removed from a group marks it inactive at once', async () => {
    const w = await open();
    w.stub.push({
      my_chat_member: {
        chat: OTHER_GROUP,
        from: ALICE,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: w.stub.bot, status: 'member' },
        new_chat_member: { user: w.stub.bot, status: 'left' },
      },
    });
    await w.settle();
    expect(await w.app.redis.smembers(w.app.keys.inactiveChats())).toEqual([chatKey('telegram', String(OTHER_GROUP.id))]);
    expect(callsOf(w.stub, 'sendMessage')).toHaveLength(0);
  });
});
