import { mkdir } from 'node:fs/promises';
import { types, WechatyBuilder, type Contact, type Message, type Room, type RoomInvitation, type Wechaty } from 'wechaty';
import type { PuppetInterface } from 'wechaty-puppet/impls';
import type { Surface } from '../../core/surface.js';
import type { Logger } from '../../log/logger.js';
import type { BotContext } from '../context.js';
import { GroupChat, type GroupChatOptions } from '../groupchat/core.js';
import { KeyedSerial } from '../groupchat/serial.js';
import type { WechatConfig } from './config.js';
import { decodeMessage, roomRef } from './decode.js';
import { sendItem } from './encode.js';
import { LoginSupervisor, removeLoginQr, showLoginQr } from './login.js';
import { wechatPaths } from './paths.js';

export interface WechatOptions {
  /** A puppet package name (WECHATY_PUPPET) or a puppet instance (tests: wechaty-puppet-mock). */
  puppet: string | PuppetInterface;
  /** WECHATY_PUPPET_TOKEN, for service puppets. */
  puppetToken?: string | undefined;
  settings: WechatConfig;
  /** Where the login QR code is drawn; stderr by default. */
  qrOut?: NodeJS.WritableStream;
  logger?: Logger;
  /** Sender tuning for tests. */
  sender?: GroupChatOptions['sender'];
}

/**
 * WeChat groups through wechaty. The adapter decodes wechaty events into the shared group-chat core
 * (src/bot/groupchat) and delivers its outbox; everything else (bindings, pacing, dedupe, export) is
 * shared with QQ.
 */
export class WechatSurface implements Surface {
  readonly name = 'wechat';
  readonly bot: Wechaty;
  readonly chat: GroupChat;
  private readonly logger: Logger;
  private readonly paths: ReturnType<typeof wechatPaths>;
  private readonly supervisor: LoginSupervisor;
  /** Set on login, cleared on logout: wechaty's own `isLoggedIn` emits an error before the puppet exists. */
  private loggedIn = false;
  private readonly serial = new KeyedSerial();

  constructor(
    app: BotContext,
    private readonly o: WechatOptions,
  ) {
    this.logger = (o.logger ?? app.logger).child({ surface: 'wechat' });
    this.paths = wechatPaths(app.config.dataDir);
    this.bot =
      typeof o.puppet === 'string'
        ? WechatyBuilder.build({
            // The memory card keeps the puppet's login session under the data dir, so a restart need not scan again.
            name: this.paths.session,
            // wechaty types `puppet` as its list of official package names; any installed puppet package works.
            puppet: o.puppet as 'wechaty-puppet-wechat4u',
            puppetOptions: o.puppetToken ? { token: o.puppetToken } : {},
          })
        : WechatyBuilder.build({ name: this.paths.session, puppet: o.puppet });
    this.chat = new GroupChat({
      platform: 'wechat',
      app,
      groups: o.settings.groups,
      pacing: o.settings.pacing,
      deliver: (item) => sendItem(this.bot, item),
      isReady: () => this.loggedIn,
      // Web-protocol puppets renumber rooms after a new scan; only while logged in can we tell.
      isGone: async (id) => this.loggedIn && !(await this.bot.puppet.roomList()).includes(id),
      logger: this.logger,
      ...(o.sender ? { sender: o.sender } : {}),
    });
    this.supervisor = new LoginSupervisor(this.bot, {
      isLoggedIn: () => this.loggedIn,
      retryMinMs: o.settings.loginRetry.minMs,
      retryMaxMs: o.settings.loginRetry.maxMs,
      logger: this.logger,
    });
    this.wire();
  }

  async start(): Promise<void> {
    await mkdir(this.paths.dir, { recursive: true });
    await this.chat.start();
    await this.supervisor.start();
  }

  async stop(): Promise<void> {
    await this.chat.stop();
    await this.supervisor.stop();
    this.loggedIn = false;
  }

  /** Logged in and able to send (for status displays and tests). */
  get online(): boolean {
    return this.loggedIn;
  }

  private wire(): void {
    const bot = this.bot;
    const guard =
      <A extends unknown[]>(what: string, fn: (...args: A) => Promise<void>) =>
      (...args: A): void => {
        fn(...args).catch((err: unknown) => this.logger.error({ err }, `wechat ${what} failed`));
      };
    bot.on(
      'scan',
      guard('scan', async (qrcode: string, status: types.ScanStatus) => {
        if ((status === ScanWaiting || status === ScanTimeout) && qrcode)
          await showLoginQr(qrcode, this.paths.qrPng, this.o.qrOut ?? process.stderr, this.logger);
        else this.logger.info({ status: types.ScanStatus[status] }, 'wechat scan status');
      }),
    );
    bot.on(
      'login',
      guard('login', async (user: Contact) => {
        this.loggedIn = true;
        this.supervisor.loggedIn();
        this.logger.info({ user: user.name() }, 'wechat logged in');
        await removeLoginQr(this.paths.qrPng);
        this.chat.online();
      }),
    );
    bot.on('logout', (user: Contact, reason?: string) => {
      this.loggedIn = false;
      // The puppet asks for a new scan by itself; open drafts live in Redis and survive the re-login.
      this.logger.warn({ user: user.name(), reason }, 'wechat logged out; waiting for a new login (messages stay queued)');
    });
    bot.on('error', (err: unknown) => this.supervisor.error(err));
    bot.on(
      'message',
      guard('message', (msg: Message) =>
        // One chat's messages reach the dispatcher in the order WeChat delivered them.
        this.serial.run(msg.room()?.id ?? msg.talker().id, async () => {
          const m = await decodeMessage(msg, this.bot);
          if (m) await this.chat.receive(m);
        }),
      ),
    );
    bot.on(
      'room-invite',
      guard('room-invite', async (inv: RoomInvitation) => this.invited(inv)),
    );
    bot.on(
      'room-join',
      guard('room-join', async (room: Room, invitees: Contact[], _inviter: Contact, date?: Date) => {
        const chat = await roomRef(room);
        const eventId = `${invitees
          .map((c) => c.id)
          .sort()
          .join(',')}:${date?.getTime() ?? ''}`;
        if (invitees.some((c) => c.id === bot.currentUser.id)) {
          const b = await this.chat.botJoined(chat, eventId);
          if (!b) this.logger.warn({ room: room.id, topic: chat.title }, 'joined a group that is not in the config; staying silent there');
          return;
        }
        await this.chat.membersJoined(
          chat,
          invitees.map((c) => ({ id: c.id, name: c.name() || c.id })),
          eventId,
        );
      }),
    );
  }

  /** Only groups named in the config are joined; the room id is unknown until we are in, so the name decides. */
  private async invited(inv: RoomInvitation): Promise<void> {
    const topic = await inv.topic();
    const inviter = await inv.inviter().then(
      (c) => c.name(),
      () => '',
    );
    if (!this.chat.isInvitable({ name: topic })) {
      this.logger.warn({ topic, inviter }, 'room invitation declined: group not in the config');
      return;
    }
    await inv.accept();
    this.logger.info({ topic, inviter }, 'room invitation accepted');
  }
}

const ScanWaiting = types.ScanStatus.Waiting;
const ScanTimeout = types.ScanStatus.Timeout;
