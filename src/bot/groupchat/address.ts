import { normalizeInput, typedText } from '../../core/text.js';

/** WeChat puts U+2005 (four-per-em space) after an @name; QQ clients and people type plain spaces. */
const AFTER_MENTION = '[\\u2005\\u0020\\u00a0]';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes "@name" mentions of the bot (any of its names: nickname, group alias) from the text and says
 * whether there was one, for platforms that give us the text only (or to tidy what they give).
 */
export function stripMentions(text: string, names: readonly string[]): { text: string; mentioned: boolean } {
  let out = text;
  let mentioned = false;
  for (const name of names.filter(Boolean)) {
    const re = new RegExp(`@${escape(name)}(?:${AFTER_MENTION}+|$)`, 'g');
    const next = out.replace(re, ' ');
    if (next !== out) mentioned = true;
    out = next;
  }
  // Only the ends are trimmed: the rest is what was typed, line breaks and full-width punctuation included.
  return { text: typedText(out), mentioned };
}

/** The command word a message starts with ("导出" or "导出 …"), if it is one of `words`. */
export function leadingWord(text: string, words: readonly string[]): string | undefined {
  const s = normalizeInput(text);
  return words.find((w) => s === w || s.startsWith(`${w} `));
}
