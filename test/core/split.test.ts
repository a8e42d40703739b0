import { describe, expect, it } from 'vitest';
import { MAX_TEXT, splitText } from '../../src/bot/groupchat/render.js';
import { splitMessage } from '../../src/core/split.js';

describe('one splitter for every platform', () => {
  it('a WeChat/QQ reply keeps an emoji whole on a cut, as a Telegram one does', () => {
    const text = `${'字'.repeat(MAX_TEXT - 1)}😀尾`;
    const parts = splitText(text);
    expect(parts).toEqual(['字'.repeat(MAX_TEXT - 1), '（续）😀尾']);
  });

  it('blank lines at a cut leave no empty message', () => {
    const text = `${'a'.repeat(10)}\n\n\n${'b'.repeat(10)}`;
    expect(splitMessage(text, 10)).toEqual(['a'.repeat(10), 'b'.repeat(10)]);
  });
});
