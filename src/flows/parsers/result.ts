/** A validator returns a result instead of throwing (grammY conversations' form.ts does the same). */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): ParseResult<T> => ({ ok: false, reason });

/** What a parser may need to know besides the text: "today" in the deployment's time zone. */
export interface ParseContext {
  now: Date;
  timezone: string;
}
