/**
 * Personal numbers never leave the machine. Before a text goes to a model, every ID number and
 * phone number in it is replaced by a placeholder such as [号码1]; the model may answer with the
 * placeholder (电话 = [号码1]) and the number is put back here, locally, then checked by the
 * field's own parser. The patterns are those of src/privacy/mask.ts (which masks instead of
 * replacing), kept as broad: a false positive costs the model one number, a miss leaks it.
 */
const ID_CARD = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE = /(?<![\d])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)\(?0\d{2,3}\)?[-\s]?\d{7,8}(?:\s*(?:转|ext\.?|#|-)\s*\d{1,6})?(?!\d)/gi;

export interface Redacted {
  text: string;
  /** Placeholder → the original number, kept locally. */
  numbers: Map<string, string>;
}

export function redact(text: string): Redacted {
  const numbers = new Map<string, string>();
  const seen = new Map<string, string>();
  const put = (m: string): string => {
    const known = seen.get(m);
    if (known) return known;
    const ph = `[号码${numbers.size + 1}]`;
    numbers.set(ph, m);
    seen.set(m, ph);
    return ph;
  };
  // IDs first: an ID contains runs that look like phone numbers.
  const out = text.replace(ID_CARD, put).replace(MOBILE, put).replace(LANDLINE, put);
  return { text: out, numbers };
}

/** Puts the numbers back into a model's answer; an unknown placeholder stays as typed (and fails parsing). */
export function restore(value: string, numbers: ReadonlyMap<string, string>): string {
  return value.replace(/\[号码\d+\]/g, (ph) => numbers.get(ph) ?? ph);
}

/** True when the text still contains something that looks like a personal number (a test oracle, and a last check). */
export function hasPersonalNumber(text: string): boolean {
  return new RegExp(ID_CARD.source).test(text) || new RegExp(MOBILE.source).test(text) || new RegExp(LANDLINE.source, 'i').test(text);
}
