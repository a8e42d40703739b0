import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentFetcher } from '../../core/attachments.js';
import type { Attachment, ChatRef, InboundEvent, UserRef } from '../../core/events.js';
import { mimeOfFile } from '../../core/mime.js';

/**
 * `/file 路径 [说明]` sends a local file as a file (as "send as file" does on a phone: the original
 * bytes), `/photo 路径 [说明]` as a photo; the 说明 is the message text, as a caption is.
 */
const FILE_COMMAND = /^\/(file|photo)\s+(?:"([^"]+)"|(\S+))(?:\s+(.*))?$/;

/** The console's attachments are local paths: reading them is the download. */
export const consoleFetcher: AttachmentFetcher = { fetch: (a: Attachment) => readFile(a.ref) };

/**
 * One typed line as the dispatcher's event: undefined for a blank line, a string to show the user
 * when a `/file` path does not exist.
 */
export function decodeLine(line: string, chat: ChatRef, user: UserRef): InboundEvent | string | undefined {
  const text = line.trim();
  const file = FILE_COMMAND.exec(text);
  if (file) return fileEvent(chat, user, file[1] === 'photo' ? 'image' : 'file', file[2] ?? file[3]!, file[4] ?? '');
  return text ? event(chat, user, text) : undefined;
}

function fileEvent(chat: ChatRef, user: UserRef, kind: Attachment['kind'], file: string, caption: string): InboundEvent | string {
  const full = path.resolve(file);
  if (!existsSync(full) || !statSync(full).isFile()) return `找不到文件：${full}`;
  const attachment: Attachment = { kind, ref: full, fileName: path.basename(full), mime: mimeOfFile(full), size: statSync(full).size };
  return { ...event(chat, user, caption), attachments: [attachment] };
}

function event(chat: ChatRef, user: UserRef, text: string): InboundEvent {
  return {
    platform: 'console',
    chat,
    user,
    messageId: randomUUID(),
    text,
    attachments: [],
    // The console user is always talking to the bot.
    addressed: true,
    sentAt: Date.now(),
  };
}
