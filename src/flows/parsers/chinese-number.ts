import nzhCn from 'nzh/cn';
import { normalizeInput } from '../../core/text.js';

/**
 * The one reading of numbers as people write them, for every kind that takes one (counts, ages,
 * hours, areas, days in a date): 45, 2.5, 四十五, 两百, 二点五, 两个半, 50余, 约3个小时.
 * nzh does the Chinese numerals; it does not know the colloquial 两 (两百) or 〇, which are mapped
 * to 二 / 零 first. Every number is bounded (nine digits, twelve numerals), so no input can ask for
 * a date a million years back or a count that is not a count.
 */

/** Longer than any number a form takes, with its unit and an 约 or 左右 around it. */
export const NUMBER_INPUT_CAP = 40;

const DIGITS = /^(\d{1,9})(?:\.(\d{1,4}))?$/;
const CN_INTEGER = /^[零〇一二两三四五六七八九十百千万]{1,12}$/;
const CN_DECIMAL = /^[零〇一二两三四五六七八九十百千万]{1,12}点[零〇一二三四五六七八九]{1,4}$/;

/** A plain number, digits or Chinese numerals, with 半 for a half ("两个半", "3个半", "半"); else undefined. */
export function readNumber(s: string): number | undefined {
  if (s.length === 0 || s.length > 24) return undefined;
  if (s === '半') return 0.5;
  if (s.endsWith('半')) {
    const whole = readNumber(s.slice(0, -1).replace(/个$/, ''));
    return whole !== undefined && Number.isInteger(whole) ? whole + 0.5 : undefined;
  }
  const d = DIGITS.exec(s);
  if (d) return Number(s);
  if (!CN_INTEGER.test(s) && !CN_DECIMAL.test(s)) return undefined;
  // "七八十", "三四个": two numbers said together are a range, not a number to write down.
  if (/[一二两三四五六七八九][一二两三四五六七八九]/.test(s)) return undefined;
  // A lone 两 is two; nzh reads it as nothing.
  const n = Number(nzhCn.decodeS(s.replace(/两/g, '二').replace(/〇/g, '零')));
  return Number.isFinite(n) && n >= 0 && n < 1e9 ? n : undefined;
}

/** '45' or '四十五' → 45: a whole number (the digits as typed, Chinese numerals from one up); else undefined. */
export function parseNumberWord(s: string): number | undefined {
  const n = readNumber(s);
  if (n === undefined || !Number.isInteger(n)) return undefined;
  return /^\d+$/.test(s) || n > 0 ? n : undefined;
}

const BEFORE = /^(?:大约|大概|约|近|共计|合计|累计|总共|一共|共)/;
const AFTER = /(?:左右|以上|上下)$/;

/**
 * A quantity with the words around it: an approximation (约, 近, 左右, 余, 多: the number is kept),
 * one of `units` at the end ("45人", "4口", "3个小时"), a measure word 个 ("两个半小时"). The number
 * alone when the rest is only those words; undefined otherwise.
 */
export function readQuantity(input: string, units: readonly string[]): number | undefined {
  if (input.length > NUMBER_INPUT_CAP) return undefined;
  let s = normalizeInput(input).replace(/\s/g, '').replace(BEFORE, '').replace(AFTER, '');
  const unit = [...units].sort((a, b) => b.length - a.length).find((u) => s.endsWith(u));
  if (unit) s = s.slice(0, -unit.length);
  s = s.replace(/(?:余|多)$/, '');
  if (!s.endsWith('个半')) s = s.replace(/(?<=.)个$/, '');
  return readNumber(s);
}
