import { replacePersonalNumbers, type PersonalNumber, type PersonalNumberKind } from './patterns.js';

/**
 * Personal numbers (mobiles, landlines, 18-digit resident ID numbers) are masked in every chat reply
 * and log line, in whatever form they were written (patterns.ts finds them): a false positive costs
 * a few hidden digits, a false negative leaks a person's ID to a whole group.
 */

/** 370102********123X (keeps region and last four, as banks do); 138****5678; 0431-****6666. */
function masked(n: PersonalNumber): string {
  if (n.kind === 'id') return `${n.digits.slice(0, 6)}********${n.digits.slice(-4)}`;
  if (n.kind === 'mobile') return `${n.prefix}${n.digits.slice(0, 3)}****${n.digits.slice(-4)}`;
  return `${n.area}-****${n.local.slice(-4)}${n.extension}`;
}

function maskKinds(text: string, kinds: readonly PersonalNumberKind[]): string {
  return replacePersonalNumbers(text, (n) => (kinds.includes(n.kind) ? masked(n) : undefined));
}

/** Masks the ID numbers in a text. */
export function maskIdCard(text: string): string {
  return maskKinds(text, ['id']);
}

/** Masks the mobiles and landlines in a text: 13812345678 → 138****5678. */
export function maskPhone(text: string): string {
  return maskKinds(text, ['mobile', 'landline']);
}

/** Masks every personal number found anywhere in free text. */
export function maskPersonalData(text: string): string {
  return replacePersonalNumbers(text, masked);
}
