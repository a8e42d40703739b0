import { findPersonalNumbers, replacePersonalNumbers, type PersonalNumberKind } from './patterns.js';

/**
 * Personal numbers never leave the machine. Before a text goes to a model, every ID number and
 * phone number in it is replaced by a placeholder such as [号码1]; the model may answer with the
 * placeholder (电话 = [号码1]) and the number is put back here, locally, then checked by the
 * field's own parser. The numbers are those patterns.ts finds (as mask.ts does), kept as broad:
 * a false positive costs the model one number, a miss leaks it.
 */
export interface Redacted {
  text: string;
  /** Placeholder → the original number, kept locally. */
  numbers: Map<string, string>;
}

/** Placeholders are numbered IDs first, then mobiles, then landlines, each in text order. */
const ORDER: readonly PersonalNumberKind[] = ['id', 'mobile', 'landline'];

export function redact(text: string): Redacted {
  const found = findPersonalNumbers(text);
  const numbers = new Map<string, string>();
  const seen = new Map<string, string>();
  const placeholder = new Map<number, string>();
  for (const kind of ORDER) {
    for (const n of found) {
      if (n.kind !== kind) continue;
      const written = text.slice(n.start, n.end);
      let ph = seen.get(written);
      if (!ph) {
        ph = `[号码${numbers.size + 1}]`;
        numbers.set(ph, written);
        seen.set(written, ph);
      }
      placeholder.set(n.start, ph);
    }
  }
  return { text: replacePersonalNumbers(text, (n) => placeholder.get(n.start)), numbers };
}

/** Puts the numbers back into a model's answer; an unknown placeholder stays as typed (and fails parsing). */
export function restore(value: string, numbers: ReadonlyMap<string, string>): string {
  return value.replace(/\[号码\d+\]/g, (ph) => numbers.get(ph) ?? ph);
}

/** A test oracle, and a last check: does a text still hold something that looks like a personal number? */
export { hasPersonalNumber } from './patterns.js';
