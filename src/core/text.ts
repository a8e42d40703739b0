/**
 * Full-width forms to ASCII, one character for one: people typing on phones mix ０-９ with 0-9, （）
 * with (), and the ideographic space with a plain one. Keeping the length lets a finder report
 * positions that are valid in the original text (privacy/patterns.ts masks there).
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Full-width digits, letters and spaces to ASCII, runs of white space to one space, trimmed. Only for
 * recognising commands, choices and numbers: a value is stored as typed (see `typedText`).
 */
export function normalizeInput(text: string): string {
  return halfWidth(text).replace(/\s+/g, ' ').trim();
}

/**
 * What a person typed, as it is stored: trimmed at the ends only. Full-width punctuation, line
 * breaks and paragraphs stay, because the official table must say what was typed.
 */
export function typedText(text: string): string {
  return text.trim();
}

/** One word of a typed line: as typed, normalised for recognition, and the white space typed before it. */
export interface TypedWord {
  typed: string;
  norm: string;
  gap: string;
}

/** A typed line cut at runs of white space (the ideographic space included); each word keeps its typed form. */
export function typedWords(text: string): TypedWord[] {
  const out: TypedWord[] = [];
  for (const m of text.trim().matchAll(/(\s*)(\S+)/g)) out.push({ typed: m[2]!, norm: normalizeInput(m[2]!), gap: m[1]! });
  return out;
}

/** Words joined again as they were typed, with the white space between them as it was. */
export function joinTyped(words: readonly TypedWord[]): string {
  return words.map((w, i) => (i === 0 ? w.typed : w.gap + w.typed)).join('');
}

/**
 * Where words read from a normalised copy of a message stand in the message as typed: the same span
 * of `typed`, with its full-width punctuation and line breaks, or undefined when they are not a span
 * of it (words a reader put together). halfWidth keeps positions, and a single space in `found` may
 * stand for any run of white space.
 */
export function typedSpan(found: string, typed: string): string | undefined {
  if (!found || found.length > typed.length) return undefined;
  const ascii = halfWidth(typed);
  const at = ascii.indexOf(found);
  if (at !== -1) return typed.slice(at, at + found.length);
  if (!found.includes(' ')) return undefined;
  // Escaped literal text with `\s+` for each space: linear, nothing to backtrack into.
  const loose = new RegExp(found.split(' ').map(escapeRegExp).join('\\s+'));
  const m = loose.exec(ascii);
  return m ? typed.slice(m.index, m.index + m[0].length) : undefined;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
