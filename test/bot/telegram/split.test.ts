import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/bot/telegram/encode.js';
import { splitMessage, TELEGRAM_TEXT_LIMIT } from '../../../src/core/split.js';

const rows = (n: number, width = 60): string =>
  Array.from({ length: n }, (_, i) => `${i + 1}. ${'光东村水稻育秧技术培训'.repeat(Math.ceil(width / 11)).slice(0, width)}`).join('\n');

describe('messages over 4,096 characters', () => {
  it.each([
    ['short text stays whole', 'ok', 1],
    ['exactly the limit stays whole', 'a'.repeat(TELEGRAM_TEXT_LIMIT), 1],
    ['200 table rows (13,000 characters) split at line ends', rows(200), 4],
    ['one 9,000-character line is cut inside', 'x'.repeat(9000), 3],
  ])('%s', (_name, text, parts) => {
    const out = splitMessage(text, TELEGRAM_TEXT_LIMIT);
    expect(out).toHaveLength(parts);
    for (const p of out) expect(p.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    // Nothing lost: joining at the cut points gives the text back.
    expect(out.join(text.includes('\n') ? '\n' : '')).toBe(text);
  });

  it('a row is never cut in half', () => {
    const text = rows(200);
    const lines = new Set(text.split('\n'));
    for (const part of splitMessage(text, TELEGRAM_TEXT_LIMIT)) for (const line of part.split('\n')) expect(lines.has(line)).toBe(true);
  });

  it('an emoji on a cut is kept whole', () => {
    const text = `${'a'.repeat(TELEGRAM_TEXT_LIMIT - 1)}😀tail`;
    const [first, second] = splitMessage(text, TELEGRAM_TEXT_LIMIT);
    expect(first).toBe('a'.repeat(TELEGRAM_TEXT_LIMIT - 1));
    expect(second).toBe('😀tail');
  });

  it('a long question keeps its buttons on the last part only', () => {
    const out = encodeAction(
      { kind: 'choices', text: rows(150), choices: [{ label: '技术培训', value: '技术培训' }], hints: ['上一步', '取消'] },
      { group: false, owner: '101' },
    );
    expect(out.length).toBeGreaterThan(1);
    expect(out.slice(0, -1).every((m) => m.markup === undefined)).toBe(true);
    expect(out.at(-1)?.keyboard).toEqual(['技术培训', '上一步', '取消']);
  });

  it('a long typed-answer question in a group keeps the reply hint and link on its last part, within the limit', () => {
    const out = encodeAction(
      { kind: 'text', text: rows(150), hints: ['上一步', '取消'] },
      { group: true, owner: '101', privateLink: 'https://t.me/b?start=g-1' },
    );
    const last = out.at(-1)!;
    expect(out.every((m) => m.text.length <= TELEGRAM_TEXT_LIMIT)).toBe(true);
    expect(last.markup).toEqual({ force_reply: true, selective: true });
    const link = last.entities?.[0];
    expect(last.text.slice(link!.offset, link!.offset + link!.length)).toBe('📩 转到私聊填写');
  });
});
