import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';
import { fail, ok, type ParseResult } from './result.js';

/**
 * Length as the notices count it: every character (汉字, letter, digit, punctuation) is one 字,
 * white space excluded. Array.from counts code points, so an emoji or a rare 汉字 outside the
 * BMP is one, not two.
 */
export function countChars(s: string): number {
  return Array.from(s.replace(/\s/g, '')).length;
}

export function parseText(input: string, opts: { min?: number; max: number }): ParseResult<string> {
  const s = normalizeInput(input);
  const n = countChars(s);
  if (n === 0) return fail(zh.reasons.required);
  if (opts.min !== undefined && n < opts.min) return fail(zh.reasons.tooShort(opts.min));
  if (n > opts.max) return fail(zh.reasons.tooLong(opts.max));
  return ok(s);
}
