import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';
import { fail, ok, type ParseResult } from './result.js';

/**
 * Several boxes ticked at once, as the seeds' □ lists: "1 3 5", "1、3、5", "因病 缺技术",
 * "因病缺技术" (names run together), "种植 其它：食用菌". With an `other` label, text that names no
 * option is kept as "<other>：text", the way the form's "其它：____" line is filled by hand.
 * The result is in the options' printed order, other last, without duplicates.
 */
export function parseMulti(input: string, options: readonly string[], other?: string): ParseResult<string[]> {
  const s = normalizeInput(input);
  if (!s) return fail(zh.reasons.required);
  const picked = new Set<string>();
  const others: string[] = [];
  const otherRe = other ? new RegExp(`^(?:其他|其它)[:：\\s]*`) : undefined;
  // "其它：缺资金 市场远" keeps everything after the colon as one free text.
  const colon = otherRe ? /(?:^|[\s,，、;；])(?:其他|其它)[:：]\s*(.+)$/.exec(s) : null;
  const head = colon ? s.slice(0, colon.index) : s;
  if (colon) others.push(colon[1]!.trim());
  for (const tok of head.split(/[\s,，、;；/]+/).filter(Boolean)) {
    if (/^\d+$/.test(tok)) {
      const n = Number(tok);
      const o = other && n === options.length + 1 ? other : options[n - 1];
      if (o === undefined) return fail(zh.reasons.multi(options, other));
      picked.add(o);
      continue;
    }
    const parts = decompose(tok, [...options, ...(other ? ['其他', '其它'] : [])]);
    if (parts) {
      for (const p of parts) picked.add(p === '其它' || p === '其他' ? (other ?? p) : p);
      continue;
    }
    if (!other) return fail(zh.reasons.multiUnknown(tok, options));
    others.push(tok.replace(otherRe!, ''));
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
