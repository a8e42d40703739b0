import type { InboundEvent, Platform } from './events.js';

/**
 * Namespaced ids in the manner of Satori's `platform:channel:user`: a conversation is one
 * user in one chat, so two experts filling forms in one group never share a draft.
 * Parts are URI-encoded so a ':' inside a platform id can never make two ids collide.
 */
const enc = (s: string): string => encodeURIComponent(s);

export function chatKey(platform: Platform, chatId: string): string {
  return `${enc(platform)}:${enc(chatId)}`;
}

export function userKey(platform: Platform, userId: string): string {
  return `${enc(platform)}:${enc(userId)}`;
}

export function conversationKey(ev: Pick<InboundEvent, 'platform' | 'chat' | 'user'>): string {
  return `${enc(ev.platform)}:${enc(ev.chat.id)}:${enc(ev.user.id)}`;
}
