import { afterEach, describe, expect, it } from 'vitest';
import { GroupChat, type IncomingMessage } from '../../../src/bot/groupchat/core.js';
import type { OutboxItem } from '../../../src/store/outbox.js';
import { ledgerForm } from '../../../src/flows/forms/ledger/form.js';
import { FAST, FAST_SENDER, openTestApp, waitUntil, type TestApp } from './app.js';

/**
 * The shared group-chat core on a real App, with a platform that only records what it was asked to
 * deliver (the WeChat and QQ suites drive the same core through real wechaty and a real WebSocket).
 */
const opened: { t: TestApp; chat: GroupChat }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.chat.stop();
    await o.t.close();
  }
});

async function core(opts: { onlyLedger?: boolean } = {}): Promise<{ t: TestApp; chat: GroupChat; out: OutboxItem[] }> {
  const t = await openTestApp({}, opts.onlyLedger ? { forms: [ledgerForm] } : {});
  const out: OutboxItem[] = [];
  const chat = new GroupChat({
    platform: 'test-gc',
    app: t.app,
    groups: [{ id: 'g1', name: '光东村帮扶群', region: '龙井市', team: '' }],
    pacing: FAST,
    deliver: async (i) => void out.push(i),
    isReady: () => true,
    logger: t.logger,
    sender: FAST_SENDER,
  });
  await chat.start();
  opened.push({ t, chat });
  return { t, chat, out };
}

let n = 0;
const inGroup = (text: string, over: Partial<IncomingMessage> = {}): IncomingMessage => ({
  chat: { id: 'g1', kind: 'group', title: '随便什么群名' },
  user: { id: 'u1', name: '李明' },
  messageId: `m${++n}`,
  text,
  mentioned: false,
  sentAt: Date.now(),
  ...over,
});
const texts = (out: OutboxItem[]): string[] => out.map((i) => (i.body.kind === 'text' ? i.body.text : `[${i.body.fileName}]`));

describe('group chat core', () => {
  it('words announced but not built yet get a "coming soon", not "没听懂"', async () => {
    const { chat, out } = await core({ onlyLedger: true });
    expect(await chat.receive(inGroup('进展'))).toBe('upcoming');
    await waitUntil(() => out.length === 1, 'the answer');
    expect(texts(out)[0]).toContain('「进展」功能即将开放');
    expect(out[0]?.target.mentions).toEqual([{ id: 'u1', name: '李明' }]);
  });

  it('导出 is the dispatcher’s shared command: the group’s file comes back through the outbox, caption first', async () => {
    const { t, chat, out } = await core();
    await chat.receive(inGroup('台账 2026年11月20日 光东村 1 水稻育秧 45 良好', { mentioned: true }));
    await waitUntil(() => out.length === 1, 'the review');
    await chat.receive(inGroup('确认', { mentioned: true }));
    await waitUntil(() => texts(out).some((t) => t.includes('已保存')), 'saved');
    out.length = 0;
    await t.app.roles.grant('test-gc:u1', { role: 'team-leader', groups: ['test-gc:g1'] });
    await chat.receive(inGroup('导出'));
    await waitUntil(() => out.length === 2, 'caption and file');
    expect(texts(out)[0]).toContain('共 1 条');
    expect(texts(out)[1]).toMatch(/^\[工作台账-光东村帮扶群-.*\.xlsx\]$/);
    // The caption @-addresses the member who asked; the file follows it.
    expect(out.map((i) => i.target.mentions?.map((u) => u.id))).toEqual([['u1'], undefined]);
  });

  it('a join event delivered twice greets once; nothing is said in groups outside the config', async () => {
    const { chat, out } = await core();
    const g = { id: 'g1', kind: 'group' as const };
    await chat.membersJoined(g, [{ id: 'u9', name: '张教授' }], 'u9:1700000000');
    await chat.membersJoined(g, [{ id: 'u9', name: '张教授' }], 'u9:1700000000');
    expect(await chat.botJoined({ id: 'g-unknown', kind: 'group', title: '闲聊' }, 'x')).toBeUndefined();
    expect(await chat.receive(inGroup('台账', { chat: { id: 'g-unknown', kind: 'group' } }))).toBe('unbound');
    await waitUntil(() => out.length === 1, 'the welcome');
    await chat.stop();
    expect(texts(out)).toEqual([expect.stringContaining('欢迎 张教授 加入本群')]);
  });

  it('personal numbers are masked in what the core itself says', async () => {
    const { chat, out } = await core();
    await chat.membersJoined({ id: 'g1', kind: 'group' }, [{ id: 'u8', name: '王芳13812345678' }], 'u8:1');
    await waitUntil(() => out.length === 1, 'the welcome');
    expect(texts(out)[0]).toContain('王芳138****5678');
  });
});
