import { describe, expect, it } from 'vitest';
import { parseCount } from '../../../src/flows/parsers/count.js';
import { parseDate } from '../../../src/flows/parsers/date.js';
import { parseDecimal, parseInteger } from '../../../src/flows/parsers/misc.js';
import { parseChoice, readsAsOther } from '../../../src/flows/parsers/choice.js';
import { parseMulti } from '../../../src/flows/parsers/multi.js';
import { parseText } from '../../../src/flows/parsers/text.js';
import { readNumber, readQuantity } from '../../../src/flows/parsers/chinese-number.js';
import { parseIdCard } from '../../../src/flows/parsers/idcard.js';
import { ACTIVITY_FORMS } from '../../../src/flows/forms/ledger/form.js';
import { POLITICAL_STATUS } from '../../../src/flows/forms/shared/options.js';

// Thursday 5 March 2026 in Beijing: February has no 29th, 30th or 31st this year.
const march5 = { now: new Date('2026-03-05T10:00:00+08:00'), timezone: 'Asia/Shanghai' };
// Monday 23 November 2026: November has no 31st.
const nov23 = { now: new Date('2026-11-23T10:00:00+08:00'), timezone: 'Asia/Shanghai' };
const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T | string => (r.ok ? r.value : `✗ ${r.reason}`);

describe('12.6 dates: a day number is never clamped, the future is named as such', () => {
  it.each([
    ['31号', march5, '2026-01-31'],
    ['30号', march5, '2026-01-30'],
    ['29号', march5, '2026-01-29'],
    ['28号', march5, '2026-02-28'],
    ['5号', march5, '2026-03-05'],
    ['6号', march5, '2026-02-06'],
    ['31号', nov23, '2026-10-31'],
    ['31日', nov23, '2026-10-31'],
  ])('%s → %s', (input, ctx, expected) => {
    expect(parseDate(input, ctx)).toEqual({ ok: true, value: expected });
  });

  it.each(['明天', '明日', '后天', '大后天', '下周一', '2天后', '3天以后'])('%s for a past activity says 日期不能晚于今天', (input) => {
    expect(value(parseDate(input, nov23))).toBe('✗ 日期不能晚于今天');
  });

  it('明天 and 下周五 are meant as said where the future is allowed (deadlines, ranges)', () => {
    expect(parseDate('明天', nov23, { allowFuture: true })).toEqual({ ok: true, value: '2026-11-24' });
    expect(parseDate('下周五', nov23, { allowFuture: true })).toEqual({ ok: true, value: '2026-12-04' });
  });

  it('32号 and 0号 are no day', () => {
    expect(value(parseDate('32号', nov23))).toContain('没有这一天');
    expect(value(parseDate('0号', nov23))).toContain('没有这一天');
  });
});

describe('16.2 / 16.11 dates: no prototype lookups, every number bounded', () => {
  it.each(['constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'toString', 'isPrototypeOf', '__defineGetter__'])(
    '%s is not a date',
    (input) => {
      expect(value(parseDate(input, nov23))).toContain('看不懂这个日期');
    },
  );

  it.each(['999999999天前', '99999天前', '100000000000天前', '九千九百九十九万天前'])('%s is refused, never an Invalid Date', (input) => {
    const r = parseDate(input, nov23);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('Invalid');
  });

  it('a long way back within the calendar is still a date, and 2000 is the floor', () => {
    expect(parseDate('300天前', nov23)).toEqual({ ok: true, value: '2026-01-27' });
    expect(value(parseDate('9999天前', nov23))).toContain('太早');
  });

  it('numbers are read up to nine digits and nothing more', () => {
    expect(readNumber('999999999')).toBe(999_999_999);
    expect(readNumber('1000000000')).toBeUndefined();
    expect(readNumber('1e9')).toBeUndefined();
    expect(readNumber('Infinity')).toBeUndefined();
    expect(readNumber('NaN')).toBeUndefined();
    expect(value(parseCount('99999999999'))).toContain('✗');
  });

  it('an ID number whose province part is an Object.prototype name is not read as one', () => {
    expect(value(parseIdCard('__proto__', nov23))).toContain('✗');
  });
});

describe('12.9 one reading of Chinese number words for every kind', () => {
  it.each([
    ['五十二', 52],
    ['五十二岁', 52],
    ['52周岁', 52],
    ['52', 52],
  ])('年龄 %s → %d', (input, n) => {
    expect(parseInteger(input, { min: 16, max: 100, units: ['周岁', '岁'], reason: 'x' })).toEqual({ ok: true, value: n });
  });

  it.each([
    ['两个半小时', 2.5],
    ['3个半小时', 3.5],
    ['半小时', 0.5],
    ['两个小时', 2],
    ['两个多小时', 2],
    ['二点五小时', 2.5],
    ['2.5h', 2.5],
    ['约3小时', 3],
  ])('时长 %s → %d', (input, n) => {
    expect(parseDecimal(input, { min: 0.5, max: 24, units: ['小时', '个小时', '钟头', 'h'] })).toEqual({ ok: true, value: n });
  });

  it.each([
    ['4口', 4],
    ['4口人', 4],
    ['四口人', 4],
    ['50余人', 50],
    ['五十余人', 50],
    ['50多人', 50],
    ['约50人次', 50],
    ['两百人左右', 200],
    ['共计 300 人次', 300],
  ])('counts %s → %d', (input, n) => {
    expect(parseCount(input, 1000)).toEqual({ ok: true, value: n });
  });

  it('the same words give the same number in every kind', () => {
    for (const words of ['五十二', '两百', '三十五', '十二']) {
      const n = readNumber(words);
      expect(parseCount(words, 1000).ok && parseCount(words, 1000)).toEqual({ ok: true, value: n });
      expect(parseDecimal(words, { min: 0, max: 1000, units: ['亩'] })).toEqual({ ok: true, value: n });
      expect(readQuantity(`${words}岁`, ['岁'])).toBe(n);
    }
  });

  it('a range said in words is no number to write down', () => {
    expect(value(parseCount('七八十人', 1000))).toContain('✗');
    expect(value(parseCount('三四个', 1000))).toContain('✗');
  });
});

describe('12.3 其他 only where the list has it, and only for words that read as one', () => {
  it('政治面貌 has no 其他: a date is refused with the list', () => {
    expect(value(parseChoice('1978年3月', POLITICAL_STATUS))).toBe(
      '✗ 请回复序号或名称：1.中共党员 2.中共预备党员 3.共青团员 4.民主党派 5.无党派人士 6.群众',
    );
    expect(value(parseChoice('其他：无', POLITICAL_STATUS))).toContain('✗');
  });

  it.each(['上个月15号', '1978年3月', '45人', '四十五人', '光东村', '和龙市东城镇', '对', '是的', '13812345678', '12'])(
    '帮扶活动形式 %s is not a kind of activity',
    (input) => {
      const r = parseChoice(input, ACTIVITY_FORMS);
      expect(r.ok).toBe(false);
      if (!r.ok && !/^\d+$/.test(input)) expect(r.reason).toContain('1.技术培训');
    },
  );

  it.each([
    ['田间示范', '其他：田间示范'],
    ['入户走访', '其他：入户走访'],
    ['其他：座谈会，观摩', '其他：座谈会，观摩'],
    ['其它:线上直播', '其他：线上直播'],
  ])('%s → %s (the words as typed)', (input, out) => {
    expect(parseChoice(input, ACTIVITY_FORMS)).toEqual({ ok: true, value: out });
  });

  it('readsAsOther is the one test, used by the □ lists too', () => {
    expect(readsAsOther('食用菌')).toBe(true);
    expect(readsAsOther('2026年')).toBe(false);
    expect(value(parseMulti('种植 上个月', ['种植', '养殖'], '其它'))).toContain('✗');
    expect(parseMulti('种植 其它：食用菌，木耳', ['种植', '养殖'], '其它')).toEqual({ ok: true, value: ['种植', '其它：食用菌，木耳'] });
  });
});

describe('12.1 text is stored as typed', () => {
  it('keeps full-width punctuation, line breaks and paragraphs; trims the ends only', () => {
    const typed = '  龙井市，推广（示范）！\n第二段：育秧；\n\n第三段 “稻蟹”  ';
    expect(parseText(typed, { max: 500 })).toEqual({ ok: true, value: typed.trim() });
  });
});
