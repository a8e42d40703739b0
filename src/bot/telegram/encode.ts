import type { ForceReply, InlineKeyboardMarkup, MessageEntity } from 'telegraf/types';
import type { OutboundAction, UserRef } from '../../core/events.js';
import { splitMessage, TELEGRAM_TEXT_LIMIT } from '../../core/split.js';
import { tg } from '../../text/telegram.js';
import { zh } from '../../text/zh.js';
import { buildKeyboard } from './keyboard.js';

/**
 * The core's OutboundActions → Telegram messages to send, with inline keyboards or a selective
 * force_reply (decode.ts goes the other way). The sender queues what this returns.
 */

export interface EncodeContext {
  group: boolean;
  /** The user the replies answer; buttons are theirs alone. */
  owner?: string;
  /** In a group: the link that continues this form in a private chat. */
  privateLink?: string;
}

export interface OutMessage {
  text: string;
  entities?: MessageEntity[];
  markup?: InlineKeyboardMarkup | ForceReply;
  /** Callback button values in index order, when the message carries a keyboard. */
  keyboard?: string[];
  /** A question to `owner`: someone else's reply to it is not an answer. */
  asks: boolean;
}

/**
 * In a group a question that wants typed text is sent with a selective force_reply (it opens the
 * reply box for that one user, and replies reach the bot with privacy mode on); Telegram allows one
 * reply_markup per message, so its 上一步/跳过/取消 are offered as reply words and the private-chat
 * link as a text link. Choices and the review get inline buttons, everywhere.
 */
export function encodeAction(a: Exclude<OutboundAction, { kind: 'file' }>, ctx: EncodeContext): OutMessage[] {
  const hints = a.hints ?? [];
  const choices = a.kind === 'choices' ? a.choices : [];
  const asks = Boolean(ctx.owner) && (hints.length > 0 || choices.length > 0);
  const typedAnswer = a.kind === 'text' && hints.some((h) => h === zh.words.back[0] || h === zh.words.skip[0]);
  let suffix = '';
  let last: Omit<OutMessage, 'text' | 'asks'> = {};
  if (ctx.group && typedAnswer) {
    suffix = `\n\n${tg.replyHint(hints)}`;
    const entities: MessageEntity[] = [];
    if (ctx.privateLink) {
      suffix += `\n${tg.buttons.privately}`;
      entities.push({ type: 'text_link', offset: -tg.buttons.privately.length, length: tg.buttons.privately.length, url: ctx.privateLink });
    }
    last = { markup: { force_reply: true, selective: true }, ...(entities.length ? { entities } : {}) };
  } else if (ctx.owner) {
    const kb = buildKeyboard(ctx.owner, choices, hints, ctx.group ? ctx.privateLink : undefined);
    if (kb) last = { markup: kb.markup, keyboard: kb.values };
  }
  const chunks = splitMessage(a.text, TELEGRAM_TEXT_LIMIT - suffix.length);
  const people = a.kind === 'text' ? (a.mentions ?? []) : [];
  return chunks.map((chunk, i) => {
    const named = mentionEntities(chunk, people);
    if (i < chunks.length - 1) return { text: chunk, asks: false, ...(named.length ? { entities: named } : {}) };
    const text = chunk + suffix;
    // The suffix's entity offsets were relative to the end of the text (UTF-16 units, as Telegram counts).
    const entities = [...named, ...(last.entities ?? []).map((e) => ({ ...e, offset: text.length + e.offset }))];
    return { text, asks, ...last, ...(entities.length ? { entities } : {}) };
  });
}

/**
 * People a reminder names ("还差：李明、王芳") become text mentions, which notify them and link to
 * their profile, even without a username. Only Telegram users (numeric ids) can be mentioned.
 */
function mentionEntities(text: string, people: readonly UserRef[]): MessageEntity[] {
  const out: MessageEntity[] = [];
  for (const p of people) {
    const at = p.name ? text.indexOf(p.name) : -1;
    if (at === -1 || !/^\d+$/.test(p.id)) continue;
    out.push({ type: 'text_mention', offset: at, length: p.name.length, user: { id: Number(p.id), is_bot: false, first_name: p.name } });
  }
  return out.sort((x, y) => x.offset - y.offset);
}
