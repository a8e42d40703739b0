import { zh } from '../../text/zh.js';
import { normalizeInput, typedText } from '../../core/text.js';
import { readsAsOther } from './choice.js';
import { fail, ok, type ParseResult } from './result.js';

/** A few option names or numbers and an 其它 line: refused unread when longer. */
export const MULTI_INPUT_CAP = 300;

/** What people put between ticked options, full-width or not. */
const SEPARATORS = /[\s,，、;；/／]+/;
/** "其它：缺资金 市场远": everything after the colon is one free text, as typed. */
const OTHER_COLON = /(?:^|[\s,，、;；])(?:其他|其它)\s*[:：]\s*([\s\S]+)$/;
const OTHER_WORD = /^(?:其他|其它)[:：\s]*/;

/**
 * Several boxes ticked at once, as the seeds' □ lists: "1 3 5", "1、3、5", "因病 缺技术",
 * "因病缺技术" (names run together), "种植 其它：食用菌". With an `other` label, text that names no
 * option and reads as one is kept as "<other>：text" (as typed), the way the form's "其它：____"
 * line is filled by hand. The result is in the options' printed order, other last, without duplicates.
 */
export function parseMulti(input: string, options: readonly string[], other?: string): ParseResult<string[]> {
  if (input.length > MULTI_INPUT_CAP) return fail(zh.reasons.multi(options, other));
  const typed = typedText(input);
  if (!normalizeInput(typed)) return fail(zh.reasons.required);
  const picked = new Set<string>();
  const others: string[] = [];
  const colon = other ? OTHER_COLON.exec(typed) : null;
  const head = colon ? typed.slice(0, colon.index) : typed;
  if (colon) others.push(typedText(colon[1]!));
  for (const tok of head.split(SEPARATORS).filter(Boolean)) {
    const norm = normalizeInput(tok);
    if (/^\d{1,3}$/.test(norm)) {
      const n = Number(norm);
      const o = other && n === options.length + 1 ? other : options[n - 1];
      if (o === undefined) return fail(zh.reasons.multi(options, other));
      picked.add(o);
      continue;
    }
    const parts = decompose(norm, [...options, ...(other ? ['其他', '其它'] : [])]);
    if (parts) {
      for (const p of parts) picked.add(p === '其它' || p === '其他' ? (other ?? p) : p);
      continue;
    }
    if (!other) return fail(zh.reasons.multiUnknown(tok, options));
    const words = tok.replace(OTHER_WORD, '');
    // A date or a count typed here belongs to another box: say what the options are.
    if (!readsAsOther(words)) return fail(zh.reasons.multiUnknown(tok, options));
    others.push(words);
  }
  const bareOther = other !== undefined && picked.has(other);
  if (bareOther) picked.delete(other);
  if (bareOther && others.length === 0) return fail(zh.reasons.multiOtherText(other));
  const out = options.filter((o) => picked.has(o));
  if (others.length && other) out.push(`${other}：${others.filter(Boolean).join('、')}`);
  return out.length ? ok(out) : fail(zh.reasons.multi(options, other));
}

/** "因病缺技术" → ['因病', '缺技术'], longest names first; undefined if the text is not all options. */
function decompose(tok: string, names: readonly string[]): string[] | undefined {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let rest = tok;
  while (rest) {
    const hit = sorted.find((n) => rest.startsWith(n));
    if (!hit) return undefined;
    out.push(hit);
    rest = rest.slice(hit.length);
  }
  return out;
}
