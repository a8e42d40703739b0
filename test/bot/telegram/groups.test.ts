import { afterEach, describe, expect, it } from 'vitest';
import { chatKey } from '../../../src/core/ids.js';
import type { Json, StubUser } from '../../helpers/telegram-api-stub.js';
import { ALICE, BOB, buttons, CAROL, callsOf, dm, GROUP, World } from './world.js';

const worlds: World[] = [];
const open = async (o: Parameters<typeof World.open>[0] = {}): Promise<World> => {
  const w = await World.open(o);
  worlds.push(w);
  return w;
};
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

const repliedTo = (m: Json): number | undefined => ((m.reply_to_message as Json | undefined)?.from as StubUser | undefined)?.id;

describe('Telegram: start-up', () => {
  it('registers the command menu with Chinese descriptions and polls for updates', async () => {
    const w = await open();
    const [menu] = callsOf(w.stub, 'setMyCommands');
    const commands = menu?.commands as { command: string; description: string }[];
    const names = commands.map((c) => c.command);
    expect(names.slice(0, 3)).toEqual(['start', 'help', 'log']);
    expect(names).toContain('export');
    expect(names.at(-1)).toBe('cancel');
    // Every other entry opens a form or runs a chat command: the menu offers nothing the bot would not understand.
    for (const n of names.filter((x) => !['start', 'help', 'cancel'].includes(x))) {
      expect(w.app.engine.isCommandWord(`/${n}`) || w.app.commands.commands.some((c) => c.words.includes(`/${n}`))).toBe(true);
    }
    expect(commands.find((c) => c.command === 'log')?.description).toBe('记录一条工作台账');
    expect(commands.every((c) => /[\u4e00-\u9fff]/.test(c.description))).toBe(true);
    // Long polling by default: a /start typed in Telegram is fetched and answered.
    await w.say(dm(ALICE), ALICE, '/start');
    expect(callsOf(w.stub, 'getUpdates').length).toBeGreaterThan(0);
    expect(w.texts(dm(ALICE))[0]).toContain('帮扶');
    expect(w.stub.webhook).toBeUndefined();
  });
});

describe('Telegram groups: several experts at once', () => {
  it('two experts interleaving ledger entries in one group get two correct records', async () => {
    const w = await open();
    await w.say(GROUP, ALICE, '/log');
    await w.say(GROUP, BOB, '/log@bangfu_test_bot');
    // Each question quotes the expert it asks and opens the reply box for that expert only.
    const q = w.lastFor(GROUP, ALICE);
    expect(q.text).toContain('【1/6】时间');
    expect(w.sentWith(q).reply_markup).toEqual({ force_reply: true, selective: true });
    expect(repliedTo(w.lastFor(GROUP, BOB))).toBe(BOB.id);

    const alice = ['昨天', '光东村', 'tap:技术培训', '水稻育秧技术', '45人', '群众反映良好', 'tap:确认'];
    const bob = ['前天', '光西村', 'tap:现场指导', '果树修剪', '20', '满意', 'tap:确认'];
    for (let i = 0; i < alice.length; i++) {
      for (const [user, step] of [
        [ALICE, alice[i]!],
        [BOB, bob[i]!],
      ] as const) {
        if (step.startsWith('tap:')) await w.tap(GROUP, user, step.slice(4));
        else await w.answer(GROUP, user, step);
      }
    }
    const byUser = Object.fromEntries((await w.ledger()).map((r) => [r.meta.userName, r]));
    expect(Object.keys(byUser).sort()).toEqual(['李明', '王芳']);
    expect(byUser['李明']?.values).toMatchObject({
      date: '2026-11-22',
      place: '光东村',
      activityForm: '技术培训',
      content: '水稻育秧技术',
      participants: 45,
      effect: '群众反映良好',
    });
    expect(byUser['王芳']?.values).toMatchObject({
      date: '2026-11-21',
      place: '光西村',
      activityForm: '现场指导',
      content: '果树修剪',
      participants: 20,
      effect: '满意',
    });
    expect(byUser['王芳']?.meta).toMatchObject({ platform: 'telegram', chatId: String(GROUP.id), chatTitle: '光东村帮扶群' });
    expect(w.lastFor(GROUP, BOB).text).toContain('已保存');
  });

  it('a reply by someone else to an expert’s question does not advance anyone’s form', async () => {
    const w = await open();
    await w.say(GROUP, ALICE, '/log');
    await w.answer(GROUP, ALICE, '昨天');
    const question = w.lastFor(GROUP, ALICE);
    const before = w.stub.sent(GROUP.id).length;
    // Carol answers Alice's question; Carol has no form, and Alice's stays where it was.
    await w.say(GROUP, CAROL, '光西村', question.message_id as number);
    expect(w.stub.sent(GROUP.id)).toHaveLength(before);
    await w.answer(GROUP, ALICE, '光东村');
    expect(w.lastFor(GROUP, ALICE).text).toContain('【3/6】帮扶活动形式');
    await w.tap(GROUP, ALICE, '技术培训');
    await w.answer(GROUP, ALICE, '查看');
    expect(w.texts(GROUP).join('\n')).toContain('2. 地点：光东村');
  });

  it('a button-only entry: after the one-line command, choices and 确认 are taps; old and foreign taps get a notice', async () => {
    const w = await open();
    await w.say(GROUP, ALICE, '/log 昨天 光东村 其他 水稻育秧技术 45人 群众反映良好');
    const choice = w.lastFor(GROUP, ALICE);
    expect(choice.text).toContain('帮扶活动形式');
    expect(buttons(choice).map((b) => b.text)).toEqual([
      '技术培训',
      '现场指导',
      '咨询服务',
      '科普讲座',
      '项目对接',
      '其他',
      '上一步',
      '取消',
      '📩 转到私聊填写',
    ]);
    expect(buttons(choice).every((b) => (b.callback_data ?? '').length <= 64)).toBe(true);

    // Bob taps Alice's button: nothing happens to her form, he is told why.
    const foreign = await w.tap(GROUP, BOB, '现场指导', choice);
    await w.tap(GROUP, ALICE, '技术培训');
    // The tapped question now shows the choice and has no buttons left.
    const edited = w.stub.message(GROUP.id, choice.message_id as number);
    expect(edited.text).toMatch(/👉 技术培训$/);
    expect(edited.reply_markup).toBeUndefined();
    const review = w.lastFor(GROUP, ALICE);
    expect(review.text).toContain('3. 帮扶活动形式：技术培训');
    expect(buttons(review).map((b) => b.text)).toContain('确认');

    await w.tap(GROUP, ALICE, '确认', review);
    const stale = await w.tap(GROUP, ALICE, '确认', review);
    expect(await w.ledger()).toHaveLength(1);
    expect(w.lastFor(GROUP, ALICE).text).toContain('已保存');

    const answers = callsOf(w.stub, 'answerCallbackQuery');
    expect(answers).toHaveLength(4); // every tap is answered
    expect(answers.find((a) => a.callback_query_id === foreign)?.text).toContain('另一位专家');
    expect(answers.find((a) => a.callback_query_id === stale)?.text).toContain('已过期');
  });

  it('a busy group’s form continues in a private chat by the link, and still counts for the group', async () => {
    const w = await open();
    await w.say(GROUP, ALICE, '/log');
    await w.answer(GROUP, ALICE, '昨天');
    // The typed-answer question carries the link as a text link (its one markup is the force_reply) …
    const typed = w.lastFor(GROUP, ALICE);
    const link = (w.sentWith(typed).entities as { type: string; url: string }[])[0]!;
    expect(link).toMatchObject({ type: 'text_link', url: `https://t.me/bangfu_test_bot?start=g${GROUP.id}` });
    await w.answer(GROUP, ALICE, '光东村');
    // … and a question with buttons, as a button.
    const groupChoice = w.lastFor(GROUP, ALICE);
    expect(buttons(groupChoice).find((b) => b.url)?.url).toBe(link.url);

    const DM = dm(ALICE);
    await w.say(DM, ALICE, `/start g${GROUP.id}`);
    const privateTexts = w.texts(DM);
    expect(privateTexts[0]).toContain('「光东村帮扶群」');
    expect(privateTexts.join('\n')).toContain('2. 地点：光东村');
    expect(w.lastFor(DM, ALICE).text).toContain('【3/6】帮扶活动形式');

    // The group's old buttons are retired with the move.
    await w.tap(GROUP, ALICE, '技术培训', groupChoice);
    expect(callsOf(w.stub, 'answerCallbackQuery').at(-1)?.text).toContain('已过期');

    await w.tap(DM, ALICE, '技术培训');
    for (const t of ['水稻育秧技术', '45', '良好']) await w.say(DM, ALICE, t);
    await w.tap(DM, ALICE, '确认');
    const [rec] = await w.ledger();
    expect(rec?.meta).toMatchObject({ chatId: String(GROUP.id), chatTitle: '光东村帮扶群', userName: '李明' });
    expect(await w.app.records.count({ form: 'ledger', chatKey: chatKey('telegram', String(GROUP.id)) })).toBe(1);
  });

  it('commands addressed to another bot are left alone; 台账 and /help work as words', async () => {
    const w = await open();
    await w.say(GROUP, ALICE, '/log@some_other_bot');
    expect(w.stub.sent(GROUP.id)).toHaveLength(0);
    await w.say(GROUP, ALICE, '@bangfu_test_bot 台账');
    expect(w.lastFor(GROUP, ALICE).text).toContain('【1/6】时间');
    await w.say(dm(BOB), BOB, '/help');
    expect(w.texts(dm(BOB)).join('\n')).toContain('台账');
  });
});
