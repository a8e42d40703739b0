import { describe, expect, it } from 'vitest';
import { leadingWord, stripMentions } from '../../../src/bot/groupchat/address.js';
import { MAX_TEXT, renderActions, splitText } from '../../../src/bot/groupchat/render.js';
import { KeyedSerial } from '../../../src/bot/groupchat/serial.js';

describe('@-mentions', () => {
  it.each([
    ['@帮扶\u2005台账', '台账', true],
    ['@帮扶 台账 昨天 光东村', '台账 昨天 光东村', true],
    ['台账 @帮扶', '台账', true],
    ['@帮扶助手 台账', '台账', true],
    ['@李明 你好', '@李明 你好', false],
    ['台账', '台账', false],
    ['@帮扶', '', true],
  ])('%j → %j (mentioned: %s)', (input, text, mentioned) => {
    expect(stripMentions(input, ['帮扶助手', '帮扶'])).toEqual({ text, mentioned });
  });

  it('a name that merely starts like the bot’s is not a mention of it', () => {
    expect(stripMentions('@帮扶队长 收到', ['帮扶'])).toEqual({ text: '@帮扶队长 收到', mentioned: false });
  });

  it('command words count at the start of a message only', () => {
    expect(leadingWord('导出', ['导出'])).toBe('导出');
    expect(leadingWord('导出 本月', ['导出'])).toBe('导出');
    expect(leadingWord('不要导出', ['导出'])).toBeUndefined();
    expect(leadingWord('导出来看看', ['导出'])).toBeUndefined();
    expect(leadingWord('／ｅｘｐｏｒｔ', ['/export'])).toBe('/export');
  });
});

describe('replies as WeChat/QQ messages', () => {
  it('merges one step’s texts into one message, lists choices by number, puts a caption before its file', () => {
    const parts = renderActions([
      { kind: 'text', text: '开始填写《工作台账》，共 6 项。' },
      {
        kind: 'choices',
        text: '【3/6】帮扶活动形式：',
        choices: [
          { label: '技术培训', value: '技术培训' },
          { label: '现场指导', value: '现场指导' },
        ],
      },
      { kind: 'file', fileName: 'a.xlsx', mime: 'x', data: Buffer.from('1'), caption: '共 1 条' },
    ]);
    expect(parts.map((p) => (p.kind === 'text' ? p.text : `[${p.fileName}]`))).toEqual([
      '开始填写《工作台账》，共 6 项。\n【3/6】帮扶活动形式：\n1. 技术培训\n2. 现场指导\n共 1 条',
      '[a.xlsx]',
    ]);
  });

  it('splits an overlong reply at line ends, marking continuations', () => {
    const line = '一二三四五六七八九十'.repeat(20);
    const text = Array.from({ length: 20 }, () => line).join('\n');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= MAX_TEXT + 4)).toBe(true);
    expect(parts.slice(1).every((p) => p.startsWith('（续）'))).toBe(true);
    expect(parts.map((p) => p.replace(/^（续）/, '')).join('\n')).toBe(text);
    expect(splitText('短')).toEqual(['短']);
  });
});

describe('per-chat order', () => {
  it('tasks of one chat run in the order started, whatever they wait for; other chats do not wait', async () => {
    const serial = new KeyedSerial();
    const done: string[] = [];
    const task = (name: string, ms: number) => () => new Promise<void>((r) => setTimeout(() => (done.push(name), r()), ms));
    await Promise.all([serial.run('g1', task('g1-slow', 40)), serial.run('g1', task('g1-fast', 1)), serial.run('g2', task('g2', 5))]);
    expect(done).toEqual(['g2', 'g1-slow', 'g1-fast']);
    // A failed task does not block the next one.
    await expect(serial.run('g1', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await serial.run('g1', task('after', 1));
    expect(done.at(-1)).toBe('after');
  });
});
