import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { localDate } from '../../core/tz.js';
import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';
import { STORED_ID_NUMBER } from '../../privacy/patterns.js';
import { fail, ok, type ParseContext, type ParseResult } from './result.js';

dayjs.extend(customParseFormat);

/**
 * 公民身份号码 per GB 11643-1999: 6-digit region code (GB/T 2260), 8-digit birth date, 3-digit
 * sequence (odd = male), ISO 7064 MOD 11-2 check character. The region table itself (3,000+ county
 * codes, revised yearly) is not shipped: the province part is checked against the fixed list of
 * province-level codes, and a county part of 0000 is refused; that catches typos in the first digits,
 * and the check digit catches almost every other single-digit or transposition error.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const PROVINCES: Record<string, string> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  // Residence permits of Hong Kong, Macao and Taiwan residents use these.
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
  '83': '台湾',
};
/** Province-level codes → names; a Map, so a typed "__" or "co" is never an Object.prototype key. */
export const PROVINCE_CODES: ReadonlyMap<string, string> = new Map(Object.entries(PROVINCES));

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export interface IdCardInfo {
  province: string;
  birthDate: string;
  sex: '男' | '女';
}

/** What the number says about its holder; only for a number that passed parseIdCard. */
export function idCardInfo(id: string): IdCardInfo {
  return {
    province: PROVINCE_CODES.get(id.slice(0, 2)) ?? '',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? '男' : '女',
  };
}

/** An 18-character number with its spaces or dashes: longer input is refused unread. */
export const ID_INPUT_CAP = 40;

export function parseIdCard(input: string, ctx: ParseContext): ParseResult<string> {
  const r = zh.reasons.idCard;
  if (input.length > ID_INPUT_CAP) return fail(r.length(input.length));
  const s = normalizeInput(input).replace(/[\s-]/g, '').toUpperCase();
  if (!STORED_ID_NUMBER.test(s)) return fail(s.length === 18 ? r.chars : r.length(s.length));
  if (!PROVINCE_CODES.has(s.slice(0, 2)) || s.slice(2, 6) === '0000') return fail(r.region);
  const birth = dayjs(s.slice(6, 14), 'YYYYMMDD', true);
  if (!birth.isValid() || birth.year() < 1900 || birth.isAfter(dayjs(localDate(ctx.now, ctx.timezone)))) return fail(r.birth);
  if (idCardCheckChar(s.slice(0, 17)) !== s[17]) return fail(r.check);
  return ok(s);
}
