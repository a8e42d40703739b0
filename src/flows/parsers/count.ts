import { zh } from '../../text/zh.js';
import { readQuantity } from './chinese-number.js';
import { fail, ok, type ParseResult } from './result.js';

/** What a count of people, households, days or events may be written with. */
export const COUNT_UNITS = ['人次', '人', '名', '位', '个', '户', '口人', '口', '天', '次', '场', '支', '项', '家', '所', '期'] as const;

/**
 * 参加人次, 家庭人口 and every other count as typed: 45, 45人, 四十五人, 约50人次, 50余人, 4口.
 * Approximations keep their number; the words are chinese-number.ts's, the same for every kind.
 */
export function parseCount(input: string, max = 100_000, min = 1): ParseResult<number> {
  const n = readQuantity(input, COUNT_UNITS);
  if (n === undefined || !Number.isInteger(n)) return fail(zh.reasons.count);
  if (n < min || n > max) return fail(zh.reasons.countRange(max, min));
  return ok(n);
}
