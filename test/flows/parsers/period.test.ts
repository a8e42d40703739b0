import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/flows/parsers/period.js';
import { parseSummaryArgs } from '../../../src/flows/commands/summary.js';

const NOW = new Date('2026-11-23T10:00:00+08:00');
const TZ = 'Asia/Shanghai';

describe('one reading of a period (/progress, /summary)', () => {
  it.each([
    ['', '2026-01-01', '2026-12-31', '2026年'],
    ['今年', '2026-01-01', '2026-12-31', '2026年'],
    ['本年度', '2026-01-01', '2026-12-31', '2026年'],
    ['去年', '2025-01-01', '2025-12-31', '2025年'],
    ['上一年', '2025-01-01', '2025-12-31', '2025年'],
    ['2025年度', '2025-01-01', '2025-12-31', '2025年'],
    ['本月', '2026-11-01', '2026-11-30', '2026年11月'],
    ['2026-02', '2026-02-01', '2026-02-28', '2026年2月'],
    ['2026-11-01至2026-11-20', '2026-11-01', '2026-11-20', '2026-11-01 至 2026-11-20'],
    ['2026-01-01—2026-06-30', '2026-01-01', '2026-06-30', '2026-01-01 至 2026-06-30'],
  ])('/progress %j → %s … %s (%s)', (words, from, to, label) => {
    expect(parsePeriod(words, NOW, TZ)).toEqual({ from, to, label });
  });

  it.each([
    ['', '2026-01-01', '2026-11-23', '2026年', 2027],
    ['今年', '2026-01-01', '2026-11-23', '2026年', 2027],
    ['本年度', '2026-01-01', '2026-11-23', '2026年', 2027],
    ['2026', '2026-01-01', '2026-12-31', '2026年', 2027],
    ['去年', '2025-01-01', '2025-12-31', '2025年', 2026],
    ['2025年度', '2025-01-01', '2025-12-31', '2025年', 2026],
    ['2026-01-01至2026-06-30', '2026-01-01', '2026-06-30', '2026-01-01至2026-06-30', 2027],
  ])('/summary %j → %s … %s (%s, plan for %i)', (words, from, to, label, nextYear) => {
    expect(parseSummaryArgs(words, NOW, TZ)).toEqual({ period: { from, to, label, nextYear } });
  });

  it.each(['本月', '2026-11', '11月', '明年春天'])('/summary refuses %j: a summary covers a year or a span of dates', (words) => {
    expect(parseSummaryArgs(words, NOW, TZ)).toHaveProperty('error');
  });
});
