import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';
import { fail, ok, type ParseResult } from './result.js';

/**
 * Mainland phone numbers as people write them: a mobile (11 digits, 13x–19x, an optional +86,
 * spaces or dashes anywhere), or a landline with its area code (0531-88888888, (010)12345678,
 * 0433 1234567 转 801). Stored normalised (mobile: 11 digits; landline: 区号-号码[-分机]).
 */
const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
// Area codes: 010 and 02x have three digits, all others (03xx–09xx) four.
const LANDLINE = /^\(?(0(?:10|2\d)|0[3-9]\d{2})\)?[-\s]?(\d{7,8})(?:\s*(?:转|ext\.?|#|-)\s*(\d{1,6}))?$/i;

export function parsePhone(input: string, opts: { mobileOnly?: boolean } = {}): ParseResult<string> {
  const s = normalizeInput(input);
  const m = MOBILE.exec(s.replace(/[\s-]/g, ''));
  if (m) return ok(m[1]!);
  if (opts.mobileOnly) return fail(zh.reasons.mobile);
  const l = LANDLINE.exec(s);
  if (!l) return fail(zh.reasons.phone);
  const [, area, num, ext] = l;
  return ok(`${area}-${num}${ext ? `-${ext}` : ''}`);
}
