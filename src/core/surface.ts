/**
 * A chat surface (Telegram, WeChat, QQ…) that runs beside or instead of the console. Each platform
 * folder exports one factory (listed in src/bot/surfaces.ts); `bangfu start` starts every surface
 * its config enables.
 */
export interface Surface {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** One `bangfu doctor` line: a pass, or a failure that says how to fix it. */
export interface Check {
  ok: boolean;
  text: string;
}

export const pass = (text: string): Check => ({ ok: true, text });
export const bad = (text: string): Check => ({ ok: false, text });
