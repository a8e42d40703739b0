/**
 * Full-width forms to ASCII, one character for one: people typing on phones mix ０-９ with 0-9, （）
 * with (), and the ideographic space with a plain one. Keeping the length lets a finder report
 * positions that are valid in the original text (privacy/patterns.ts masks there).
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Full-width digits, letters and spaces to ASCII, runs of white space to one space, trimmed. */
export function normalizeInput(text: string): string {
  return halfWidth(text).replace(/\s+/g, ' ').trim();
}
