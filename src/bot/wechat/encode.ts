import { readFile } from 'node:fs/promises';
import { FileBox } from 'file-box';
import type { Wechaty } from 'wechaty';
import type { OutboxItem } from '../../store/outbox.js';
import { PermanentSendError } from '../groupchat/sender.js';

/** Base64 FileBoxes serialise on every puppet (service puppets and the mock need toJSON). */
async function fileBox(file: string, name: string): Promise<FileBox> {
  const data = await readFile(file).catch(() => {
    throw new PermanentSendError(`outgoing file missing: ${file}`);
  });
  return FileBox.fromBase64(data.toString('base64'), name);
}

/**
 * Says one outbox message through wechaty: a text or a file, to a room or a contact. In a room the
 * members a reply names get real @-mentions (they notify) when wechaty can find them; the others
 * are named in the text.
 */
export async function sendItem(bot: Wechaty, item: OutboxItem): Promise<void> {
  const { target, body } = item;
  const sayable = body.kind === 'text' ? body.text : await fileBox(body.path, body.fileName);
  if (target.kind === 'group') {
    const room = await bot.Room.find({ id: target.chatId });
    if (!room) throw new Error(`room ${target.chatId} not found`);
    if (typeof sayable === 'string' && target.mentions?.length) {
      const contactOf = (id: string) => bot.Contact.find({ id }).catch(() => undefined);
      const found = await Promise.all(target.mentions.map(async (u) => ({ u, c: await contactOf(u.id) })));
      const contacts = found.flatMap((f) => (f.c ? [f.c] : []));
      const named = found
        .filter((f) => !f.c)
        .map((f) => `@${f.u.name} `)
        .join('');
      await (contacts.length ? room.say(`${named}${sayable}`, ...contacts) : room.say(`${named}${sayable}`));
    } else {
      await room.say(sayable);
    }
    return;
  }
  const contact = await bot.Contact.find({ id: target.chatId });
  if (!contact) throw new Error(`contact ${target.chatId} not found`);
  await contact.say(sayable);
}
