import { zh } from '../../text/zh.js';
import { parseNumberWord } from './chinese-number.js';
import { normalizeInput } from '../../core/text.js';
import { fail, ok, type ParseResult } from './result.js';

const COUNT =
  /^(?:约|大约|近|共|共计|合计|累计)?(\d+|[零〇一二两三四五六七八九十百千万]+)(?:余|多)?(?:人次|人|名|位|个|户|天|次|场|支|项)?(?:左右|以上)?$/;

/** 参加人次 as typed: 45, 45人, 四十五人, 约50人次, 50余人. Approximations keep their number. */
export function parseCount(input: string, max = 100_000, min = 1): ParseResult<number> {
  const s = normalizeInput(input).replace(/\s/g, '');
  const m = COUNT.exec(s);
  const n = m ? (min === 0 && /^[0零〇]$/.test(m[1]!) ? 0 : parseNumberWord(m[1]!)) : undefined;
  if (n === undefined) return fail(zh.reasons.count);
  if (n < min || n > max) return fail(zh.reasons.countRange(max, min));
  return ok(n);
}
