import type { Surface } from '../../core/surface.js';
import type { Logger } from '../../log/logger.js';
import type { OutboxItem } from '../../store/outbox.js';
import type { BotContext } from '../context.js';
import { GroupChat, type GroupChatOptions } from '../groupchat/core.js';
import { KeyedSerial } from '../groupchat/serial.js';
import type { QqConfig } from './config.js';
import { decodeEvent } from './decode.js';
import { encodeItem } from './encode.js';
import { OneBotClient } from './onebot.js';

export interface QqOptions {
  /** QQ_ONEBOT_URL */
  url: string;
  /** QQ_ONEBOT_TOKEN */
  token?: string | undefined;
  settings: QqConfig;
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

  constructor(
    app: BotContext,
    private readonly o: QqOptions,
  ) {
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
    this.client.on('event', (ev) =>
      guard(
        'event',
        this.serial.run(String(ev.group_id ?? ev.user_id ?? ''), () => this.onEvent(ev)),
      ),
    );
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

  private async onEvent(raw: Record<string, unknown>): Promise<void> {
    const ev = decodeEvent(raw, this.selfId);
    switch (ev?.kind) {
      case 'message':
        await this.chat.receive(ev.message);
        return;
      case 'bot-joined':
        if (!(await this.chat.botJoined(ev.chat, ev.eventId))) {
          this.logger.warn({ group: ev.chat.id }, 'joined a group that is not in the config; staying silent there');
        }
        return;
      case 'member-joined':
        await this.chat.membersJoined(ev.chat, [{ id: ev.userId, name: await this.memberName(ev.chat.id, ev.userId) }], ev.eventId);
        return;
      case 'invite': {
        const approve = this.chat.isInvitable({ chatId: ev.groupId });
        await this.client.call('set_group_add_request', { flag: ev.flag, sub_type: 'invite', type: 'invite', approve });
        if (approve) this.logger.info({ group: ev.groupId, inviter: ev.inviterId }, 'group invitation accepted');
        else this.logger.warn({ group: ev.groupId, inviter: ev.inviterId }, 'group invitation declined: group not in the config');
      }
    }
  }

  private async memberName(groupId: string, userId: string): Promise<string> {
    try {
      const m = await this.client.call<{ card?: string; nickname?: string }>('get_group_member_info', {
        group_id: Number(groupId),
        user_id: Number(userId),
      });
      return m.card || m.nickname || userId;
    } catch {
      return userId;
    }
  }

  private async deliver(item: OutboxItem): Promise<void> {
    const { action, params } = await encodeItem(item, this.o.settings.fileTransfer);
    await this.client.call(action, params);
  }
}
