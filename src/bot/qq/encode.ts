import { readFile } from 'node:fs/promises';
import type { OutboxItem } from '../../store/outbox.js';
import { PermanentSendError } from '../groupchat/sender.js';
import type { QqConfig } from './config.js';
import type { Segment } from './decode.js';

/** One OneBot action: its name and parameters, as the client sends them. */
export interface OneBotCall {
  action: string;
  params: Record<string, unknown>;
}

/**
 * The OneBot action that delivers one outbox message. We always send segment arrays: in a group a
 * reply quotes the member's message and @-mentions whom it answers; images go inline as base64,
 * other files by upload (path or base64, as `fileTransfer` says).
 */
export async function encodeItem(item: OutboxItem, fileTransfer: QqConfig['fileTransfer']): Promise<OneBotCall> {
  const { target, body } = item;
  const group = target.kind === 'group';
  const to = group ? { group_id: Number(target.chatId) } : { user_id: Number(target.chatId) };
  const send = group ? 'send_group_msg' : 'send_private_msg';
  if (body.kind === 'file') {
    const data = await readFile(body.path).catch(() => {
      throw new PermanentSendError(`outgoing file missing: ${body.path}`);
    });
    if (body.mime.startsWith('image/')) {
      return { action: send, params: { ...to, message: [{ type: 'image', data: { file: `base64://${data.toString('base64')}` } }] } };
    }
    // Not in OneBot 11 itself, but the go-cqhttp extension every current implementation offers.
    const file = fileTransfer === 'base64' ? `base64://${data.toString('base64')}` : body.path;
    return { action: group ? 'upload_group_file' : 'upload_private_file', params: { ...to, file, name: body.fileName } };
  }
  const message: Segment[] = [];
  if (group && target.replyTo) message.push({ type: 'reply', data: { id: target.replyTo } });
  if (group) for (const u of target.mentions ?? []) message.push({ type: 'at', data: { qq: u.id } });
  message.push({ type: 'text', data: { text: message.length ? ` ${body.text}` : body.text } });
  return { action: send, params: { ...to, message } };
}
