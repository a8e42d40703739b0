/** Telegram refuses text longer than this (counted in UTF-16 code units, as JavaScript counts). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits a long reply into messages of at most `limit` characters (UTF-16 code units), for every
 * platform (Telegram: TELEGRAM_TEXT_LIMIT; WeChat/QQ: bot/groupchat/render.ts MAX_TEXT). Cuts at line
 * breaks so a table row or a numbered item is never cut in half; only a single line longer than the
 * limit is cut inside, and never between the two halves of an emoji (a surrogate pair).
 */
export function splitMessage(text: string, limit: number): string[] {
  if (limit < 2) throw new Error('split limit too small');
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current) parts.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > limit) {
      const cut = isHighSurrogate(rest.charCodeAt(limit - 1)) ? limit - 1 : limit;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  flush();
  // A run of blank lines at a boundary would leave an empty part, which Telegram rejects (and WeChat/QQ would send).
  return parts.filter((p) => p.trim() !== '');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
