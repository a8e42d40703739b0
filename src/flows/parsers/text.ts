import { zh } from '../../text/zh.js';
import { typedText } from '../../core/text.js';
import { fail, ok, type ParseResult } from './result.js';

/**
 * Length as the notices count it: every character (汉字, letter, digit, punctuation) is one 字,
 * white space excluded. Array.from counts code points, so an emoji or a rare 汉字 outside the
 * BMP is one, not two.
 */
export function countChars(s: string): number {
  return Array.from(s.replace(/\s/g, '')).length;
}

/** More raw characters than any text of `max` 字 with its line breaks and spaces: refused before it is read. */
export const textInputCap = (max: number): number => 4 * max + 200;

/**
 * A text box as typed: trimmed at the ends, everything else kept (full-width punctuation, line
 * breaks, paragraphs), since the official table must say what the person wrote.
 */
export function parseText(input: string, opts: { min?: number; max: number }): ParseResult<string> {
  if (input.length > textInputCap(opts.max)) return fail(zh.reasons.tooLong(opts.max));
  const s = typedText(input);
  const n = countChars(s);
  if (n === 0) return fail(zh.reasons.required);
  if (opts.min !== undefined && n < opts.min) return fail(zh.reasons.tooShort(opts.min));
  if (n > opts.max) return fail(zh.reasons.tooLong(opts.max));
  return ok(s);
}
