import { readFile } from 'node:fs/promises';
import type { App } from '../../app.js';
import type { ChatRef } from '../../core/events.js';
import type { Config } from '../../config/schema.js';
import type { Logger } from '../../log/logger.js';
import { GroupChat, type GroupChatOptions } from '../groupchat/core.js';
import type { OutboxItem } from '../../store/outbox.js';
import { PermanentSendError } from '../groupchat/sender.js';
import { KeyedSerial } from '../groupchat/serial.js';
import type { Surface } from '../surfaces.js';
import { groupIncreaseSchema, groupInviteSchema, messageEventSchema, readMessage, type Segment } from './decode.js';
import { OneBotClient } from './onebot.js';

export interface QqOptions {
  /** QQ_ONEBOT_URL */
  url: string;
  /** QQ_ONEBOT_TOKEN */
  token?: string | undefined;
  settings: Config['platforms']['qq'];
  logger?: Logger;
  /** Sender tuning for tests. */
  sender?: GroupChatOptions['sender'];
  callTimeoutMs?: number;
  pingMs?: number;
}

/**
 * QQ groups through a OneBot 11 implementation (NapCat, Lagrange…) the coordinator runs next to
 * bangfu. The adapter decodes OneBot events into the shared group-chat core and delivers its outbox
 * as OneBot actions; bindings, pacing, dedupe and export are the same code as WeChat's.
 */
export class QqSurface implements Surface {
  readonly name = 'qq';
  readonly client: OneBotClient;
  readonly chat: GroupChat;
  private readonly logger: Logger;
  private selfId?: string;
  private readonly serial = new KeyedSerial();

  constructor(app: App, private readonly o: QqOptions) {
    this.logger = (o.logger ?? app.logger).child({ surface: 'qq' });
    this.client = new OneBotClient({
      url: o.url,
      token: o.token,
      reconnect: o.settings.reconnect,
      logger: this.logger,
      ...(o.callTimeoutMs ? { callTimeoutMs: o.callTimeoutMs } : {}),
      ...(o.pingMs ? { pingMs: o.pingMs } : {}),
    });
    this.chat = new GroupChat({
      platform: 'qq',
      app,
      groups: o.settings.groups,
      pacing: o.settings.pacing,
      deliver: (item) => this.deliver(item),
      isReady: () => this.client.connected && this.selfId !== undefined,
      logger: this.logger,
      ...(o.sender ? { sender: o.sender } : {}),
    });
    const guard = (what: string, p: Promise<void>): void => void p.catch((err: unknown) => this.logger.error({ err }, `qq ${what} failed`));
    this.client.on('open', () => guard('login info', this.onOpen()));
    // One chat's events reach the core in the order the implementation pushed them.
    this.client.on('event', (ev) => guard('event', this.serial.run(String(ev.group_id ?? ev.user_id ?? ''), () => this.onEvent(ev))));
  }

  async start(): Promise<void> {
    await this.chat.start();
    // Not awaited: the QQ implementation may come up after bangfu; the client keeps trying.
    this.client.start();
  }

  async stop(): Promise<void> {
    await this.chat.stop();
    await this.client.stop();
  }

  private async onOpen(): Promise<void> {
    try {
      const info = await this.client.call<{ user_id: number | string; nickname?: string }>('get_login_info');
      this.selfId = String(info.user_id);
      this.logger.info({ selfId: this.selfId, nickname: info.nickname }, 'QQ account online');
      this.chat.online();
    } catch (err) {
      // The implementation is up but QQ is not logged in yet (NapCat waiting for a scan): ask again later.
      this.logger.warn({ err }, 'QQ login info not available yet; asking again in 5 s');
      setTimeout(() => {
        if (this.client.connected) void this.onOpen();
      }, 5000).unref();
    }
  }

  private async onEvent(ev: Record<string, unknown>): Promise<void> {
    const msg = messageEventSchema.safeParse(ev);
    if (msg.success) {
      const m = msg.data;
      const selfId = this.selfId ?? m.self_id;
      if (m.user_id === selfId) return;
      const { text, mentioned } = readMessage(m.message, selfId);
      const chat: ChatRef = m.message_type === 'group' && m.group_id ? { id: m.group_id, kind: 'group' } : { id: m.user_id, kind: 'private' };
      const user = { id: m.user_id, name: m.sender?.card || m.sender?.nickname || m.user_id };
      await this.chat.receive({ chat, user, messageId: m.message_id, text, mentioned: mentioned || chat.kind === 'private', sentAt: m.time * 1000 });
      return;
    }
    const joined = groupIncreaseSchema.safeParse(ev);
    if (joined.success) {
      const j = joined.data;
      const chat: ChatRef = { id: j.group_id, kind: 'group' };
      const eventId = `${j.user_id}:${j.time}`;
      if (j.user_id === (this.selfId ?? j.self_id)) {
        if (!(await this.chat.botJoined(chat, eventId))) this.logger.warn({ group: j.group_id }, 'joined a group that is not in the config; staying silent there');
        return;
      }
      await this.chat.membersJoined(chat, [{ id: j.user_id, name: await this.memberName(j.group_id, j.user_id) }], eventId);
      return;
    }
    const invite = groupInviteSchema.safeParse(ev);
    if (invite.success) {
      const inv = invite.data;
      const approve = this.chat.isInvitable({ chatId: inv.group_id });
      await this.client.call('set_group_add_request', { flag: inv.flag, sub_type: 'invite', type: 'invite', approve });
      if (approve) this.logger.info({ group: inv.group_id, inviter: inv.user_id }, 'group invitation accepted');
      else this.logger.warn({ group: inv.group_id, inviter: inv.user_id }, 'group invitation declined: group not in the config');
    }
  }

  private async memberName(groupId: string, userId: string): Promise<string> {
    try {
      const m = await this.client.call<{ card?: string; nickname?: string }>('get_group_member_info', { group_id: Number(groupId), user_id: Number(userId) });
      return m.card || m.nickname || userId;
    } catch {
      return userId;
    }
  }

  private async deliver(item: OutboxItem): Promise<void> {
    const { target, body } = item;
    const group = target.kind === 'group';
    const to = group ? { group_id: Number(target.chatId) } : { user_id: Number(target.chatId) };
    if (body.kind === 'file') {
      const data = await readFile(body.path).catch(() => {
        throw new PermanentSendError(`outgoing file missing: ${body.path}`);
      });
      if (body.mime.startsWith('image/')) {
        await this.client.call(group ? 'send_group_msg' : 'send_private_msg', { ...to, message: [{ type: 'image', data: { file: `base64://${data.toString('base64')}` } }] });
        return;
      }
      // Not in OneBot 11 itself, but the go-cqhttp extension every current implementation offers.
      const file = this.o.settings.fileTransfer === 'base64' ? `base64://${data.toString('base64')}` : body.path;
      await this.client.call(group ? 'upload_group_file' : 'upload_private_file', { ...to, file, name: body.fileName });
      return;
    }
    const message: Segment[] = [];
    if (group && target.replyTo) message.push({ type: 'reply', data: { id: target.replyTo } });
    if (group) for (const u of target.mentions ?? []) message.push({ type: 'at', data: { qq: u.id } });
    message.push({ type: 'text', data: { text: message.length ? ` ${body.text}` : body.text } });
    await this.client.call(group ? 'send_group_msg' : 'send_private_msg', { ...to, message });
  }
}
