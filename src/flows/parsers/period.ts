import dayjs from 'dayjs';
import { normalizeInput } from '../../core/text.js';
import { localDate } from '../../core/tz.js';
import { parseDate } from './date.js';

/** A reporting period, both ends inclusive, with the words a reply calls it by. */
export interface Period {
  from: string;
  to: string;
  label: string;
}

/** How a period was said: a calendar year, a month, or two dates. */
export type PeriodKind = 'year' | 'month' | 'range';

export interface PeriodReading {
  period: Period;
  kind: PeriodKind;
  /** Said as "this year" (今年, 本年, 本年度, or nothing at all): a yearly summary stops at today. */
  thisYear: boolean;
}

const span = (from: dayjs.Dayjs, to: dayjs.Dayjs, label: string): Period => ({
  from: from.format('YYYY-MM-DD'),
  to: to.format('YYYY-MM-DD'),
  label,
});

const THIS_YEAR = new Set(['', '今年', '本年', '本年度']);
const LAST_YEAR = new Set(['去年', '上年', '上一年']);

/**
 * 时段 as coordinators say it: 今年 (default), 去年, 本月, 上月, 2026年, 2026年度, 2026-11, 11月,
 * or a range "2026-11-01至2026-11-30" / "11月1日~11月20日". Undefined when the words are not a period.
 * The one reading of a period: /progress takes any, /summary the years and ranges.
 */
export function readPeriod(input: string, now: Date, timezone: string): PeriodReading | undefined {
  // Two dates and the word between them fit in this; longer words are not a period (and are not read).
  if (input.length > 80) return undefined;
  const s = normalizeInput(input).replace(/\s/g, '');
  const today = dayjs(localDate(now, timezone));
  const year = (y: number, thisYear = false): PeriodReading => ({
    period: span(dayjs(`${y}-01-01`), dayjs(`${y}-12-31`), `${y}年`),
    kind: 'year',
    thisYear,
  });
  const month = (d: dayjs.Dayjs): PeriodReading => ({
    period: span(d.startOf('month'), d.endOf('month'), `${d.year()}年${d.month() + 1}月`),
    kind: 'month',
    thisYear: false,
  });
  if (THIS_YEAR.has(s)) return year(today.year(), true);
  if (s === '全年') return year(today.year());
  if (LAST_YEAR.has(s)) return year(today.year() - 1);
  if (s === '本月' || s === '这个月') return month(today);
  if (s === '上月' || s === '上个月') return month(today.subtract(1, 'month'));
  let m = /^(\d{4})(?:年度?)?$/.exec(s);
  if (m) return year(Number(m[1]));
  m = /^(\d{4})[-年./](\d{1,2})月?$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return month(dayjs(`${m[1]}-${m[2]!.padStart(2, '0')}-01`));
  m = /^(\d{1,2})月$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return month(dayjs(`${today.year()}-${m[1]!.padStart(2, '0')}-01`));
  m = /^(.+?)(?:至|到|~|～|—)(.+)$/.exec(s);
  if (m) {
    const ctx = { now, timezone };
    const a = parseDate(m[1]!, ctx, { allowFuture: true });
    const b = parseDate(m[2]!, ctx, { allowFuture: true });
    if (a.ok && b.ok && a.value <= b.value) {
      return { period: { from: a.value, to: b.value, label: `${a.value} 至 ${b.value}` }, kind: 'range', thisYear: false };
    }
  }
  return undefined;
}

/** The period the words name (see readPeriod), or undefined. */
export function parsePeriod(input: string, now: Date, timezone: string): Period | undefined {
  return readPeriod(input, now, timezone)?.period;
}
