import { halfWidth } from '../core/text.js';

/**
 * The one definition of what a personal number looks like: mainland mobiles, landlines with an area
 * code, and 18-digit resident ID numbers. Masking (mask.ts), redaction before a model call
 * (redact.ts), the field parsers (flows/parsers) and the record schemas all build on these pieces,
 * so a form that redaction hides is also one the parser reads back, and the mask hides every form
 * the parser accepts.
 *
 * Two kinds of pattern:
 *  - the finder (findPersonalNumbers) looks for numbers inside free text. It is deliberately broad —
 *    any area code 0xx/0xxx, separators between digit groups, full-width digits — because a false
 *    positive costs a few hidden digits and a miss leaks a person's number to a whole group;
 *  - the anchored patterns check one whole answer (WRITTEN_*) or a stored value (STORED_*). They are
 *    strict: a parser refuses an area code that does not exist.
 *
 * Every pattern runs in linear time: every quantifier is bounded ({m,n} or ?), so the work at each
 * start position has a fixed ceiling whatever the input, and no input needs cutting short first.
 */

/** One separator people put between digit groups: 138 1234 5678, 138-1234-5678. */
const SEP = '[-\\s]';
const COUNTRY = '\\+?86';
const MOBILE_DIGITS = '1[3-9]\\d{9}';
/** Any area code, for the finder: 010, 0431, also ones that do not exist. */
const ANY_AREA = '0\\d{2,3}';
/** Real area codes, for the parser: 010 and 02x have three digits, all others (03xx–09xx) four. */
const AREA = '0(?:10|2\\d)|0[3-9]\\d{2}';
const LOCAL = '\\d{7,8}';
/** What leads into an extension: 0433 1234567 转 801, 0431-8888888-123, ext. 12, #12. */
const EXT_MARK = '[ \\t]{0,2}(?:转|ext\\.?|#|-)[ \\t]{0,2}';
const EXT_DIGITS = '\\d{1,6}';

/** A stored ID number: 17 digits and a check character, X upper-case. */
export const STORED_ID_NUMBER = /^\d{17}[\dX]$/;
/** A stored mobile: 11 digits. */
export const STORED_MOBILE = new RegExp(`^${MOBILE_DIGITS}$`);
/** A stored phone: a mobile, or 区号-号码[-分机]. */
export const STORED_PHONE = new RegExp(`^(?:${MOBILE_DIGITS}|(?:${AREA})-${LOCAL}(?:-${EXT_DIGITS})?)$`);

/** A typed mobile once spaces and dashes are removed: 13812345678, +8613812345678. Group 1: the 11 digits. */
export const WRITTEN_MOBILE = new RegExp(`^(?:${COUNTRY})?(${MOBILE_DIGITS})$`);
/** A typed landline (normalised input): (010)12345678, 0431-8888888-123. Groups: area, number, extension. */
export const WRITTEN_LANDLINE = new RegExp(`^\\(?(${AREA})\\)?${SEP}?(${LOCAL})(?:${EXT_MARK}(${EXT_DIGITS}))?$`, 'i');

export type PersonalNumber =
  /** digits: the 18 characters, the check character as typed (x or X). */
  | { kind: 'id'; start: number; end: number; digits: string }
  /** prefix: a country code as written before the number (`+86 `), or ''. */
  | { kind: 'mobile'; start: number; end: number; prefix: string; digits: string }
  /** extension: what follows the number, as written (`-123`, ` 转 801`), or ''. */
  | { kind: 'landline'; start: number; end: number; area: string; local: string; extension: string };

export type PersonalNumberKind = PersonalNumber['kind'];

/** An ID ends at its check character: a digit with no digit after it, or an X (anything may follow an X). */
const ID_SHAPE = `\\d{6}${SEP}?\\d{4}${SEP}?\\d{4}${SEP}?\\d{3}(?:[Xx]|\\d(?!\\d))`;
const MOBILE_SHAPE = `(?<prefix>${COUNTRY}${SEP}?)?(?<m1>1[3-9]\\d)${SEP}?(?<m2>\\d{4})${SEP}?(?<m3>\\d{4})`;
const LANDLINE_SHAPE = `\\(?(?<area>${ANY_AREA})\\)?${SEP}?(?<local>${LOCAL})(?<ext>${EXT_MARK}${EXT_DIGITS})?`;
/** Numbers written one after the other with nothing between: two mobiles are 22 digits, two IDs 36. */
const RUN = '\\d{19,54}(?:[Xx]|(?!\\d))';

/**
 * At each start (not inside a digit run), the alternatives in order: a run of several numbers, an ID
 * (it contains mobile-like runs, so it goes before them), a mobile, a landline. Runs on half-width
 * text, which has the same length as the original, so positions carry over.
 */
const FINDER = new RegExp(
  `(?<!\\d)(?:(?<run>${RUN})|(?<id>${ID_SHAPE})|(?<mobile>${MOBILE_SHAPE})(?!\\d)|(?<landline>${LANDLINE_SHAPE})(?!\\d))`,
  'gi',
);

/** Every personal number in the text, in order of position; numbers never overlap. */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  const ascii = halfWidth(text);
  const out: PersonalNumber[] = [];
  for (const m of ascii.matchAll(FINDER)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g.run) out.push(...splitRun(g.run, start));
    else if (g.id) out.push({ kind: 'id', start, end, digits: g.id.replace(/[-\s]/g, '') });
    else if (g.mobile) out.push({ kind: 'mobile', start, end, prefix: g.prefix ?? '', digits: `${g.m1}${g.m2}${g.m3}` });
    else out.push({ kind: 'landline', start, end, area: g.area!, local: g.local!, extension: g.ext ?? '' });
  }
  return out;
}

/** True when the text holds a personal number (of one of `kinds`, when given). */
export function hasPersonalNumber(text: string, kinds?: readonly PersonalNumberKind[]): boolean {
  return findPersonalNumbers(text).some((n) => !kinds || kinds.includes(n.kind));
}

/** Replaces each number found by what `by` returns for it; undefined leaves that number as written. */
export function replacePersonalNumbers(text: string, by: (n: PersonalNumber, written: string) => string | undefined): string {
  let out = '';
  let at = 0;
  for (const n of findPersonalNumbers(text)) {
    const written = text.slice(n.start, n.end);
    const r = by(n, written);
    if (r === undefined) continue;
    out += text.slice(at, n.start) + r;
    at = n.end;
  }
  return out + text.slice(at);
}

/**
 * A run of digits made only of whole IDs and mobiles, cut into them; a run that is not (a bank
 * account, a long serial) is no personal number of ours. At most five pieces, so the search is small.
 */
function splitRun(run: string, offset: number): PersonalNumber[] {
  const cut = (at: number): PersonalNumber[] | undefined => {
    if (at === run.length) return [];
    const id = run.slice(at, at + 18);
    if (id.length === 18 && /^\d{17}[\dXx]$/.test(id)) {
      const rest = cut(at + 18);
      if (rest) return [{ kind: 'id', start: offset + at, end: offset + at + 18, digits: id }, ...rest];
    }
    const mobile = run.slice(at, at + 11);
    if (STORED_MOBILE.test(mobile)) {
      const rest = cut(at + 11);
      if (rest) return [{ kind: 'mobile', start: offset + at, end: offset + at + 11, prefix: '', digits: mobile }, ...rest];
    }
    return undefined;
  };
  // A trailing X that ends no ID is a letter after the run ("…4321x"), not part of a number.
  return cut(0) ?? (/[Xx]$/.test(run) ? splitRun(run.slice(0, -1), offset) : []);
}
