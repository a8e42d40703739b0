import type { Message, MessageEntity, User } from 'telegraf/types';
import type { Attachment, ChatRef, UserRef } from '../../core/events.js';
import { commandIntent, type CommandIntent } from './menu.js';

/**
 * Telegram → the core's neutral shapes: a Message becomes what the dispatcher needs (chat, user,
 * text, whether the bot was addressed); encode.ts goes the other way. No telegraf type leaves src/bot.
 */

export interface BotIdentity {
  id: number;
  username: string;
}

export interface DecodedMessage {
  chat: ChatRef;
  user: UserRef;
  messageId: string;
  text: string;
  attachments: Attachment[];
  addressed: boolean;
  sentAt: number;
  /** The bot's message this one replies to, if any (a group question being answered). */
  replyToBot?: number;
  /** Set for slash commands and the Chinese words that stand for one. */
  intent?: CommandIntent;
}

export function userName(u: User): string {
  return [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username || String(u.id);
}

export function chatRef(chat: Message['chat']): ChatRef | undefined {
  if (chat.type === 'private') return { id: String(chat.id), kind: 'private' };
  if (chat.type === 'group' || chat.type === 'supergroup') return { id: String(chat.id), kind: 'group', title: chat.title };
  return undefined; // channels: the bot has no conversations there
}

function attachmentsOf(m: Message): Attachment[] {
  if ('photo' in m) {
    const p = m.photo.at(-1);
    return p ? [{ kind: 'image', ref: p.file_id, ...(p.file_size ? { size: p.file_size } : {}) }] : [];
  }
  if ('document' in m) {
    const d = m.document;
    return [
      {
        kind: 'file',
        ref: d.file_id,
        ...(d.file_name ? { fileName: d.file_name } : {}),
        ...(d.mime_type ? { mime: d.mime_type } : {}),
        ...(d.file_size ? { size: d.file_size } : {}),
      },
    ];
  }
  if ('voice' in m) return [{ kind: 'voice', ref: m.voice.file_id, ...(m.voice.mime_type ? { mime: m.voice.mime_type } : {}) }];
  if ('video' in m) return [{ kind: 'video', ref: m.video.file_id, ...(m.video.mime_type ? { mime: m.video.mime_type } : {}) }];
  return [];
}

/** "@bangfu_bot 台账" → "台账"; the mention only says whom the message is for. */
function stripMention(
  text: string,
  entities: readonly MessageEntity[] | undefined,
  username: string,
): { text: string; mentioned: boolean } {
  const own = `@${username}`.toLowerCase();
  const hits = (entities ?? []).filter((e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === own);
  if (!hits.length) return { text, mentioned: false };
  let out = text;
  // The mention and the spaces right after it go; the rest stays as typed (line breaks included).
  for (const e of [...hits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + out.slice(e.offset + e.length).replace(/^[ \u00a0]+/, '');
  return { text: out.trim(), mentioned: true };
}

/** A user's message as the dispatcher sees it; undefined for what the bot never answers (bots, channels, service messages). */
export function decodeMessage(m: Message, me: BotIdentity): DecodedMessage | undefined {
  const chat = chatRef(m.chat);
  const from = m.from;
  if (!chat || !from || from.is_bot) return undefined;
  const raw = 'text' in m ? m.text : 'caption' in m ? (m.caption ?? '') : '';
  const entities = 'text' in m ? m.entities : 'caption' in m ? m.caption_entities : undefined;
  const attachments = attachmentsOf(m);
  if (!raw && !attachments.length) return undefined;
  const { text, mentioned } = stripMention(raw, entities, me.username);
  const reply = 'reply_to_message' in m ? m.reply_to_message : undefined;
  const replyToBot = reply?.from?.id === me.id ? reply.message_id : undefined;
  const intent = commandIntent(text, me.username);
  return {
    chat,
    user: { id: String(from.id), name: userName(from) },
    messageId: String(m.message_id),
    text,
    attachments,
    addressed: chat.kind === 'private' || mentioned || replyToBot !== undefined || text.startsWith('/'),
    sentAt: m.date * 1000,
    ...(replyToBot !== undefined ? { replyToBot } : {}),
    ...(intent ? { intent } : {}),
  };
}

/**
 * Message ids the dispatcher stores must be stable across redeliveries and say which user message
 * a reply should quote. A typed message is its own id; a tap is "cb:<query id>:<message to quote>".
 */
export function tapMessageId(callbackId: string, quote: number | undefined): string {
  return `cb:${callbackId}:${quote ?? ''}`;
}

export function quotedMessage(messageId: string | undefined): number | undefined {
  if (!messageId) return undefined;
  const m = /^(?:cb:[^:]*:)?(\d+)$/.exec(messageId);
  return m ? Number(m[1]) : undefined;
}
