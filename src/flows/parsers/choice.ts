import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';
import { ok, fail, type ParseResult } from './result.js';

/** Label of the catch-all choice; picking it alone asks the user to write what it was. */
export const OTHER = '其他';

/**
 * A choice by number ("2") or by text ("现场指导"); with `allowOther`, any other text is kept
 * as "其他：<text>" so an unusual activity form is recorded instead of refused.
 */
export function parseChoice(input: string, choices: readonly string[], allowOther: boolean): ParseResult<string> {
  const s = normalizeInput(input);
  const byNumber = /^\d+$/.test(s) ? choices[Number(s) - 1] : undefined;
  const picked = byNumber ?? choices.find((c) => c === s);
  if (picked !== undefined && picked !== OTHER) return ok(picked);
  if (!allowOther) return fail(zh.reasons.choice([...choices]));
  if (picked === OTHER || s === '' || /^\d+$/.test(s)) return fail(zh.reasons.choiceOther);
  const free = s.replace(/^其他[:：\s]*/, '');
  return ok(`${OTHER}：${free}`);
}
