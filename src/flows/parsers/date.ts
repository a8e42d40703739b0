import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { localDate } from '../../core/tz.js';
import { zh } from '../../text/zh.js';
import { parseNumberWord } from './chinese-number.js';
import { normalizeInput } from '../../core/text.js';
import { fail, ok, type ParseContext, type ParseResult } from './result.js';

dayjs.extend(customParseFormat);

/**
 * Dates as experts type them in chat. dayjs does the calendar math and strict validity;
 * the shapes below are the short, closed list we support and table-test (chrono-node's
 * Chinese parser reads "11.20" as a decimal and has no notion of "上周五" relative to a
 * Monday-start week, which is how Chinese calendars count).
 * Activities are things done, so a date without a year that would fall in the future is
 * taken as last year, and an explicit future date is refused.
 */
const WEEKDAY: ReadonlyMap<string, number> = new Map([
  ['一', 1],
  ['二', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['日', 7],
  ['天', 7],
  ['1', 1],
  ['2', 2],
  ['3', 3],
  ['4', 4],
  ['5', 5],
  ['6', 6],
  ['7', 7],
]);
/** Days back from today; negative is ahead (明天 for a past activity is refused as in the future, not misread). */
const RELATIVE: ReadonlyMap<string, number> = new Map([
  ['今天', 0],
  ['今日', 0],
  ['昨天', 1],
  ['昨日', 1],
  ['前天', 2],
  ['大前天', 3],
  ['明天', -1],
  ['明日', -1],
  ['后天', -2],
  ['大后天', -3],
]);
/** Longer than any date a person writes, with a time of day after it. */
export const DATE_INPUT_CAP = 40;
/** "3天前" goes back at most this far; more is no activity date (and would leave the calendar). */
const MAX_DAYS_BACK = 9999;
// Time-of-day words after a date are noise for a ledger that records days.
const TIME_OF_DAY = /(早上|上午|中午|下午|傍晚|晚上|夜里|全天|\d{1,2}[:：点]\d{0,2}分?)$/;

/** Formats as the ledger stores dates. */
export const formatDate = (d: Dayjs): string => d.format('YYYY-MM-DD');

/**
 * `allowFuture` is for ranges and deadlines ("--to 11月30日", a due date), where a date ahead of today
 * is meant as written; activity dates keep the past-only rule.
 */
export function parseDate(input: string, ctx: ParseContext, opts: { allowFuture?: boolean } = {}): ParseResult<string> {
  if (input.length > DATE_INPUT_CAP) return fail(zh.reasons.date);
  let s = normalizeInput(input).replace(/\s/g, '');
  for (let i = 0; i < 3 && TIME_OF_DAY.test(s); i++) s = s.replace(TIME_OF_DAY, '');
  const today = dayjs(localDate(ctx.now, ctx.timezone));
  const d = resolve(s, today, opts.allowFuture === true);
  if (d === undefined) return fail(zh.reasons.date);
  if (d === 'invalid' || !d.isValid()) return fail(zh.reasons.dateNoSuchDay);
  if (d.isAfter(today) && !opts.allowFuture) return fail(zh.reasons.dateFuture);
  if (d.year() < 2000) return fail(zh.reasons.dateTooOld);
  if (d.year() > 2999) return fail(zh.reasons.date);
  return ok(formatDate(d));
}

function resolve(s: string, today: Dayjs, future: boolean): Dayjs | 'invalid' | undefined {
  const back = RELATIVE.get(s);
  if (back !== undefined) return today.subtract(back, 'day');

  let m = /^(\d{1,9}|[一二两三四五六七八九十百千]{1,8})天(前|后|以前|之前|以后|之后)$/.exec(s);
  if (m) {
    const n = parseNumberWord(m[1]!);
    if (n === undefined) return undefined;
    const days = Math.min(n, MAX_DAYS_BACK + 1);
    return m[2]!.endsWith('前') ? today.subtract(days, 'day') : today.add(days, 'day');
  }

  m = /^(上上|上|本|这|下)?(?:周|星期|礼拜)([一二三四五六日天1-7])$/.exec(s);
  if (m) {
    const wd = WEEKDAY.get(m[2]!)!;
    const isoToday = today.day() === 0 ? 7 : today.day();
    const monday = today.subtract(isoToday - 1, 'day');
    if (m[1] === '上' || m[1] === '上上') {
      const weeksBack = m[1] === '上' ? 1 : 2;
      return monday.subtract(weeksBack, 'week').add(wd - 1, 'day');
    }
    if (m[1] === '下') return monday.add(1, 'week').add(wd - 1, 'day');
    // "周五" / "本周五": the most recent such day, today included.
    const thisWeek = monday.add(wd - 1, 'day');
    return thisWeek.isAfter(today) && !m[1] && !future ? thisWeek.subtract(1, 'week') : thisWeek;
  }

  m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s);
  if (m) return strict(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2})(?:月|[-/.])(\d{1,2})[日号]?$/.exec(s);
  if (m) return future ? strict(today.year(), Number(m[1]), Number(m[2])) : withoutYear(today, Number(m[1]), Number(m[2]));

  m = /^(\d{1,2})[日号]$/.exec(s);
  if (m) return future ? strict(today.year(), today.month() + 1, Number(m[1])) : dayOnly(today, Number(m[1]));
  return undefined;
}

function strict(y: number, mo: number, d: number): Dayjs | 'invalid' {
  const str = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const parsed = dayjs(str, 'YYYY-MM-DD', true);
  return parsed.isValid() ? parsed : 'invalid';
}

/**
 * "31号": the latest day of that number not after today — this month's, else the month before that
 * has one (on 5 March, 31号 is 31 January: February has no 31st, and is never clamped to the 28th).
 */
function dayOnly(today: Dayjs, day: number): Dayjs | 'invalid' {
  if (day < 1 || day > 31) return 'invalid';
  for (let back = 0; back < 12; back++) {
    const month = today.startOf('month').subtract(back, 'month');
    const d = strict(month.year(), month.month() + 1, day);
    if (d !== 'invalid' && !d.isAfter(today)) return d;
  }
  return 'invalid';
}

function withoutYear(today: Dayjs, mo: number, d: number): Dayjs | 'invalid' {
  const thisYear = strict(today.year(), mo, d);
  if (thisYear === 'invalid') return strict(today.year() - 1, mo, d);
  return thisYear.isAfter(today) ? strict(today.year() - 1, mo, d) : thisYear;
}
