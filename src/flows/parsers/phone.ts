import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';
import { WRITTEN_LANDLINE, WRITTEN_MOBILE } from '../../privacy/patterns.js';
import { fail, ok, type ParseResult } from './result.js';

/**
 * Mainland phone numbers as people write them: a mobile (11 digits, 13x–19x, an optional +86,
 * spaces or dashes anywhere), or a landline with its area code (0531-88888888, (010)12345678,
 * 0433 1234567 转 801). Stored normalised (mobile: 11 digits; landline: 区号-号码[-分机]).
 * The patterns are privacy/patterns.ts's, which masking and redaction use too.
 */

/** A phone with its area code, separators and extension fits in this; longer input is refused unread. */
export const PHONE_INPUT_CAP = 40;

export function parsePhone(input: string, opts: { mobileOnly?: boolean } = {}): ParseResult<string> {
  if (input.length > PHONE_INPUT_CAP) return fail(opts.mobileOnly ? zh.reasons.mobile : zh.reasons.phone);
  const s = normalizeInput(input);
  const m = WRITTEN_MOBILE.exec(s.replace(/[\s-]/g, ''));
  if (m) return ok(m[1]!);
  if (opts.mobileOnly) return fail(zh.reasons.mobile);
  const l = WRITTEN_LANDLINE.exec(s);
  if (!l) return fail(zh.reasons.phone);
  const [, area, num, ext] = l;
  return ok(`${area}-${num}${ext ? `-${ext}` : ''}`);
}
