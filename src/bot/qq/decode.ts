import { z } from 'zod';
import type { ChatRef } from '../../core/events.js';
import type { IncomingMessage } from '../groupchat/core.js';

/**
 * OneBot 11 messages: an array of segments ({type, data}), or, when the implementation is set to the
 * string format, text with CQ codes ("[CQ:at,qq=123] 台账"). Both are read; we always send arrays.
 */
export interface Segment {
  type: string;
  data: Record<string, unknown>;
}

const id = z.union([z.number(), z.string()]).transform(String);

const segment = z.object({
  type: z.string(),
  data: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((d) => d ?? {}),
});

export const messageEventSchema = z.object({
  post_type: z.literal('message'),
  message_type: z.enum(['group', 'private']),
  message_id: id,
  user_id: id,
  group_id: id.optional(),
  self_id: id,
  time: z.number(),
  message: z.union([z.array(segment), z.string()]),
  sender: z.object({ nickname: z.string().optional(), card: z.string().optional() }).partial().optional(),
});

export const groupIncreaseSchema = z.object({
  post_type: z.literal('notice'),
  notice_type: z.literal('group_increase'),
  group_id: id,
  user_id: id,
  self_id: id,
  time: z.number(),
});

export const groupInviteSchema = z.object({
  post_type: z.literal('request'),
  request_type: z.literal('group'),
  sub_type: z.literal('invite'),
  group_id: id,
  user_id: id,
  flag: z.string(),
});

export type MessageEvent = z.infer<typeof messageEventSchema>;

const CQ = /\[CQ:([a-zA-Z_]+)((?:,[^,\]]+=[^,\]]*)*)\]/g;
const unescapeCq = (s: string): string => s.replace(/&#44;/g, ',').replace(/&#91;/g, '[').replace(/&#93;/g, ']').replace(/&amp;/g, '&');

/** CQ-code text → segments. */
export function parseCq(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(CQ)) {
    if (m.index > last) out.push({ type: 'text', data: { text: unescapeCq(text.slice(last, m.index)) } });
    const data: Record<string, unknown> = {};
    for (const kv of (m[2] ?? '').split(',').slice(1)) {
      const eq = kv.indexOf('=');
      data[kv.slice(0, eq)] = unescapeCq(kv.slice(eq + 1));
    }
    out.push({ type: m[1]!, data });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', data: { text: unescapeCq(text.slice(last)) } });
  return out;
}

/** The text of a message and whether it @-mentions `selfId` (that mention is left out of the text). */
export function readMessage(message: MessageEvent['message'], selfId: string): { text: string; mentioned: boolean } {
  const segments = typeof message === 'string' ? parseCq(message) : message;
  let text = '';
  let mentioned = false;
  for (const s of segments) {
    if (s.type === 'text') text += String(s.data.text ?? '');
    else if (s.type === 'at' && String(s.data.qq) === selfId) mentioned = true;
    else if (s.type === 'at') text += `@${String(s.data.name ?? s.data.qq ?? '')} `;
  }
  return { text: text.trim(), mentioned };
}

/** A OneBot event as the surface acts on it; the rest (heartbeats, other notices) is ignored. */
export type QqEvent =
  | { kind: 'message'; message: IncomingMessage }
  | { kind: 'bot-joined'; chat: ChatRef; eventId: string }
  | { kind: 'member-joined'; chat: ChatRef; userId: string; eventId: string }
  | { kind: 'invite'; groupId: string; inviterId: string; flag: string };

/**
 * Decodes one pushed event. `selfId` is the logged-in account once get_login_info answered; until
 * then the event's own self_id stands in. The bot's own messages decode to nothing.
 */
export function decodeEvent(ev: Record<string, unknown>, selfId: string | undefined): QqEvent | undefined {
  const msg = messageEventSchema.safeParse(ev);
  if (msg.success) {
    const m = msg.data;
    const self = selfId ?? m.self_id;
    if (m.user_id === self) return undefined;
    const { text, mentioned } = readMessage(m.message, self);
    const chat: ChatRef = m.message_type === 'group' && m.group_id ? { id: m.group_id, kind: 'group' } : { id: m.user_id, kind: 'private' };
    const user = { id: m.user_id, name: m.sender?.card || m.sender?.nickname || m.user_id };
    const message = { chat, user, messageId: m.message_id, text, mentioned: mentioned || chat.kind === 'private', sentAt: m.time * 1000 };
    return { kind: 'message', message };
  }
  const joined = groupIncreaseSchema.safeParse(ev);
  if (joined.success) {
    const j = joined.data;
    const chat: ChatRef = { id: j.group_id, kind: 'group' };
    const eventId = `${j.user_id}:${j.time}`;
    if (j.user_id === (selfId ?? j.self_id)) return { kind: 'bot-joined', chat, eventId };
    return { kind: 'member-joined', chat, userId: j.user_id, eventId };
  }
  const invite = groupInviteSchema.safeParse(ev);
  if (invite.success) return { kind: 'invite', groupId: invite.data.group_id, inviterId: invite.data.user_id, flag: invite.data.flag };
  return undefined;
}
