import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Choice } from '../../core/events.js';
import { tg } from '../../text/telegram.js';

/**
 * Inline keyboards for choices and engine commands. A button's callback_data carries only whose
 * keyboard it is and the button's position (Telegram allows 64 bytes; a choice's text may be
 * longer): the values themselves are kept in Redis with the message id, which is also how a tap on
 * an old keyboard is told apart from a tap on the current one.
 */

const PREFIX = 'k1';

export interface TapData {
  owner: string;
  index: number;
}

export function callbackData(owner: string, index: number): string {
  return `${PREFIX}:${owner}:${index}`;
}

export function parseCallbackData(data: string): TapData | undefined {
  const m = /^k1:(-?\d{1,20}):(\d{1,3})$/.exec(data);
  return m ? { owner: m[1]!, index: Number(m[2]) } : undefined;
}

export interface BuiltKeyboard {
  markup: InlineKeyboardMarkup;
  /** What each callback button stands for, in callback-index order. */
  values: string[];
}

/** Short labels sit three to a row, longer ones two or one, so a phone screen shows them whole. */
function perRow(labels: readonly string[]): number {
  const longest = Math.max(...labels.map((l) => l.length));
  return longest <= 6 ? 3 : longest <= 12 ? 2 : 1;
}

/**
 * Choices first (as the engine lists them), then the engine commands on one row, then, in a group,
 * the link that continues this form in a private chat with the bot.
 */
export function buildKeyboard(
  owner: string,
  choices: readonly Choice[],
  hints: readonly string[],
  privateLink?: string,
): BuiltKeyboard | undefined {
  const values: string[] = [];
  const button = (label: string, value: string): InlineKeyboardButton => {
    values.push(value);
    return { text: label, callback_data: callbackData(owner, values.length - 1) };
  };
  const rows: InlineKeyboardButton[][] = [];
  if (choices.length) {
    const n = perRow(choices.map((c) => c.label));
    for (let i = 0; i < choices.length; i += n) rows.push(choices.slice(i, i + n).map((c) => button(c.label, c.value)));
  }
  if (hints.length) rows.push(hints.map((h) => button(h, h)));
  if (privateLink && rows.length) rows.push([{ text: tg.buttons.privately, url: privateLink }]);
  return rows.length ? { markup: { inline_keyboard: rows }, values } : undefined;
}

/** The text of the button a tap came from, for echoing the choice under the question. */
export function tappedLabel(markup: InlineKeyboardMarkup | undefined, data: string): string | undefined {
  for (const row of markup?.inline_keyboard ?? []) {
    for (const b of row) if ('callback_data' in b && b.callback_data === data) return b.text;
  }
  return undefined;
}
