import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';
import { readQuantity } from './chinese-number.js';
import { fail, ok, type ParseResult } from './result.js';

/** A decimal with an optional unit: 人均耕地面积 "2.5亩", "两亩", 时长 "3.5小时", "两个半小时", "3个小时". */
export function parseDecimal(
  input: string,
  o: { min: number; max: number; units: readonly string[]; digits?: number },
): ParseResult<number> {
  const n = readQuantity(input, o.units);
  if (n === undefined) return fail(zh.reasons.decimal(o.units[0] ?? ''));
  if (n < o.min || n > o.max) return fail(zh.reasons.decimalRange(o.min, o.max, o.units[0] ?? ''));
  const f = 10 ** (o.digits ?? 2);
  return ok(Math.round(n * f) / f);
}

/** A whole number in a range, e.g. 年龄 "52", "52岁", "五十二". */
export function parseInteger(
  input: string,
  o: { min: number; max: number; units?: readonly string[]; reason: string },
): ParseResult<number> {
  const n = readQuantity(input, o.units ?? []);
  if (n === undefined || !Number.isInteger(n) || n < o.min || n > o.max) return fail(o.reason);
  return ok(n);
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function parseEmail(input: string): ParseResult<string> {
  if (input.length > 200) return fail(zh.reasons.email);
  const s = normalizeInput(input).replace(/\s/g, '').replace(/＠/g, '@');
  return EMAIL.test(s) && s.length <= 100 ? ok(s.toLowerCase()) : fail(zh.reasons.email);
}

/** 邮政编码: six digits; the first two are a province's (10–86), never 0x or 9x. */
export function parsePostcode(input: string): ParseResult<string> {
  const s = normalizeInput(input).replace(/\s/g, '');
  return /^[1-8]\d{5}$/.test(s) ? ok(s) : fail(zh.reasons.postcode);
}

/** 所服务的贫困地区, printed as five boxes 省 市 县 乡 村. */
export interface Region {
  province: string;
  city: string;
  county: string;
  township: string;
  village: string;
}

const REGION_RUN = /^(.+?(?:省|自治区|市))(.+?(?:市|州|盟|地区))(.+?(?:县|市|区|旗))(.+?(?:乡|镇|街道|苏木))(.+?(?:村|社区|嘎查))$/;

/** "吉林省 延边州 和龙市 东城镇 光东村" (five parts), or the same run together with its suffixes. */
export function parseRegion(input: string): ParseResult<Region> {
  const s = normalizeInput(input);
  let parts = s.split(/[\s,，、/]+/).filter(Boolean);
  if (parts.length !== 5) {
    const m = REGION_RUN.exec(s.replace(/\s/g, ''));
    if (!m) return fail(zh.reasons.region);
    parts = m.slice(1, 6);
  }
  const [province, city, county, township, village] = parts as [string, string, string, string, string];
  if (parts.some((p) => Array.from(p).length > 20)) return fail(zh.reasons.region);
  return ok({ province, city, county, township, village });
}

export const formatRegion = (r: Region): string => `${r.province} ${r.city} ${r.county} ${r.township} ${r.village}`;
