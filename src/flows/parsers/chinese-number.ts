import nzhCn from 'nzh/cn';

const CN_DIGITS = /^[零〇一二两三四五六七八九十百千万]+$/;

/**
 * '45' or '四十五' → 45. nzh does the Chinese numerals; it does not know the colloquial
 * 两 (两百) or 〇, which are mapped to 二 / 零 first. Returns undefined for anything else.
 */
export function parseNumberWord(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!CN_DIGITS.test(s)) return undefined;
  const n = Number(nzhCn.decodeS(s.replace(/两/g, '二').replace(/〇/g, '零')));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
