import type { ChatRef, Platform, UserRef } from '../core/events.js';
import { conversationKey } from '../core/ids.js';
import { parseState, type ConversationState } from './engine/state.js';
import type { ConversationStore } from '../store/conversations.js';

/**
 * Continues a user's open draft from a busy group in their private chat with the bot, still counted
 * for the group (the saved record is filed under `origin`). Platform adapters call this when the user
 * follows a "continue privately" link; then a 查看 in the private chat shows where they were.
 */
export async function handOverToPrivate(
  conversations: ConversationStore,
  platform: Platform,
  group: ChatRef,
  privateChat: ChatRef,
  user: UserRef,
): Promise<'moved' | 'none' | 'busy'> {
  const from = conversationKey({ platform, chat: group, user });
  const to = conversationKey({ platform, chat: privateChat, user });
  return conversations.moveState(from, to, (json) => {
    const st = parseState(json);
    if (st === null || st === 'stale') return json;
    const moved: ConversationState = { ...st, origin: st.origin ?? { chatId: group.id, chatTitle: group.title ?? '' } };
    return JSON.stringify(moved);
  });
}
