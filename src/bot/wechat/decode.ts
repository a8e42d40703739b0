import { types, type Message, type Room, type Wechaty } from 'wechaty';
import type { ChatRef, UserRef } from '../../core/events.js';
import { stripMentions } from '../groupchat/address.js';
import type { IncomingMessage } from '../groupchat/core.js';

/** A room as the core's group ChatRef; its topic only ever binds a name-only config entry. */
export async function roomRef(room: Room): Promise<ChatRef> {
  return { id: room.id, kind: 'group', title: await room.topic().catch(() => '') };
}

/**
 * A wechaty message as the core's IncomingMessage; undefined for our own and non-text messages.
 * In a room the logged-in account's names (nickname, group alias) count as an @-mention too.
 */
export async function decodeMessage(msg: Message, bot: Wechaty): Promise<IncomingMessage | undefined> {
  if (msg.self() || msg.type() !== types.Message.Text) return undefined;
  const talker = msg.talker();
  // Official accounts and service notices are not people filling forms.
  if (talker.type() !== types.Contact.Individual) return undefined;
  const room = msg.room();
  const sentAt = msg.date().getTime();
  if (!room) {
    const user: UserRef = { id: talker.id, name: talker.name() || talker.id };
    return { chat: { id: talker.id, kind: 'private' }, user, messageId: msg.id, text: msg.text(), mentioned: true, sentAt };
  }
  const self = bot.currentUser;
  const user: UserRef = { id: talker.id, name: (await room.alias(talker).catch(() => undefined)) || talker.name() || talker.id };
  const byPuppet = await msg.mentionSelf().catch(() => false);
  const text = byPuppet ? await msg.mentionText() : msg.text();
  // Some puppets report no mention list: an "@帮扶" (nickname or group alias) in the text counts too.
  const names = [self.name(), (await room.alias(self).catch(() => undefined)) ?? ''];
  const stripped = stripMentions(text, names);
  return { chat: await roomRef(room), user, messageId: msg.id, text: stripped.text, mentioned: byPuppet || stripped.mentioned, sentAt };
}
