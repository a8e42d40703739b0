import { describe, expect, it } from 'vitest';
import { parseChoice } from '../../../src/flows/parsers/choice.js';
import { parseCount } from '../../../src/flows/parsers/count.js';
import { parseDate } from '../../../src/flows/parsers/date.js';
import { countChars, parseText } from '../../../src/flows/parsers/text.js';
import { ACTIVITY_FORMS } from '../../../src/flows/forms/ledger/form.js';

// Monday 2026-11-23, 10:00 in Beijing.
const ctx = { now: new Date('2026-11-23T10:00:00+08:00'), timezone: 'Asia/Shanghai' };

describe('parseDate', () => {
  it.each([
    ['今天', '2026-11-23'],
    ['昨天', '2026-11-22'],
    ['前天', '2026-11-21'],
    ['上周五', '2026-11-20'],
    ['上星期一', '2026-11-16'],
    ['周五', '2026-11-20'],
    ['周一', '2026-11-23'],
    ['3天前', '2026-11-20'],
    ['11月20日', '2026-11-20'],
    ['11月20号', '2026-11-20'],
    ['11.20', '2026-11-20'],
    ['11/20', '2026-11-20'],
    ['2026-11-20', '2026-11-20'],
    ['2026/11/20', '2026-11-20'],
    ['2026.11.20', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
    ['２０２６年１１月２０日', '2026-11-20'],
    ['11月20日下午', '2026-11-20'],
    ['20号', '2026-11-20'],
    // No year and still ahead this year: last year's date, since a ledger records what was done.
    ['12月5日', '2025-12-05'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input, ctx)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2026-12-01', '晚于今天'],
    ['本周日', '晚于今天'],
    ['2026-02-30', '没有这一天'],
    ['2月29日', '没有这一天'],
    ['光东村', '看不懂'],
    ['', '看不懂'],
    ['1999-01-01', '太早'],
  ])('%s is refused with a Chinese reason', (input, reason) => {
    const r = parseDate(input, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('with allowFuture (ranges, deadlines) a date ahead of today is taken as written', () => {
    expect(parseDate('2026-11-30', ctx, { allowFuture: true })).toEqual({ ok: true, value: '2026-11-30' });
    expect(parseDate('12月15日', ctx, { allowFuture: true })).toEqual({ ok: true, value: '2026-12-15' });
    expect(parseDate('周五', ctx, { allowFuture: true })).toEqual({ ok: true, value: '2026-11-27' });
  });

  it('uses the configured time zone for "today" (00:30 in Beijing is still the previous day in UTC)', () => {
    const early = { now: new Date('2026-11-23T00:30:00+08:00'), timezone: 'Asia/Shanghai' };
    expect(parseDate('今天', early)).toEqual({ ok: true, value: '2026-11-23' });
    expect(parseDate('今天', { ...early, timezone: 'UTC' })).toEqual({ ok: true, value: '2026-11-22' });
  });
});

describe('parseCount', () => {
  it.each([
    ['45', 45],
    ['45人', 45],
    ['四十五人', 45],
    ['约50人次', 50],
    ['50余人', 50],
    ['一百二十', 120],
    ['两百人', 200],
    ['共计 300 人次', 300],
    ['３０人', 30],
    ['十', 10],
  ])('%s → %d', (input, n) => {
    expect(parseCount(input)).toEqual({ ok: true, value: n });
  });

  it.each(['', 'abc', '很多人', '0', '-3', '4.5人', '1000001'])('%s is refused', (input) => {
    expect(parseCount(input, 1_000_000).ok).toBe(false);
  });
});

describe('parseChoice', () => {
  it.each([
    ['1', '技术培训'],
    ['2', '现场指导'],
    ['科普讲座', '科普讲座'],
    [' 项目对接 ', '项目对接'],
    ['田间示范', '其他：田间示范'],
    ['其他：入户走访', '其他：入户走访'],
  ])('%s → %s', (input, value) => {
    expect(parseChoice(input, ACTIVITY_FORMS)).toEqual({ ok: true, value });
  });

  it('asks what it was when the user picks 其他 alone or an out-of-range number', () => {
    for (const input of ['6', '其他', '9']) {
      const r = parseChoice(input, ACTIVITY_FORMS);
      expect(r.ok).toBe(false);
    }
  });

  it('refuses free text when the list has no 其他, listing the options', () => {
    const r = parseChoice('随便', ['是', '否']);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('1.是 2.否') });
  });
});

describe('parseText and character counting', () => {
  it('counts every 汉字, letter, digit and punctuation as one 字, spaces not at all', () => {
    expect(countChars('水稻 育秧，2次！')).toBe(8);
    expect(countChars('𠀀字')).toBe(2);
  });

  it('enforces the limit with the limit in the message', () => {
    expect(parseText('一'.repeat(1000), { max: 1000 }).ok).toBe(true);
    expect(parseText('一'.repeat(1001), { max: 1000 })).toEqual({ ok: false, reason: '不能超过 1000 字' });
  });
});
