import type { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import * as PUPPET from 'wechaty-puppet';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { chatKey } from '../../../src/core/ids.js';
import { WechatSurface } from '../../../src/bot/wechat/bot.js';
import { FAST, FAST_SENDER, openTestApp, waitUntil, type TestApp } from '../groupchat/app.js';

type ContactMock = InstanceType<mock.Mocker['ContactMock']>;
type RoomMock = InstanceType<mock.Mocker['RoomMock']>;
type MessageMock = InstanceType<mock.Mocker['MessageMock']>;

/** The mock's emitters are typed with `typed-emitter`, which is not installed; they are plain EventEmitters. */
function onMessage(target: ContactMock | RoomMock, fn: (m: MessageMock) => void): void {
  (target as unknown as EventEmitter).on('message', fn);
}

/**
 * wechaty-puppet-mock with room invitations: the stock mock has no invitation payloads, so a test
 * registers them here; accepting one makes the bot a member of the room, as WeChat does.
 */
export class InvitingPuppet extends PuppetMock {
  readonly invitations = new Map<string, { topic: string; inviterId: string; room: () => RoomMock }>();
  readonly accepted: string[] = [];
  override async roomInvitationRawPayload(id: string): Promise<PUPPET.payloads.RoomInvitation> {
    const inv = this.invitations.get(id);
    if (!inv) throw new Error(`no invitation ${id}`);
    return {
      id,
      inviterId: inv.inviterId,
      topic: inv.topic,
      avatar: '',
      invitation: '',
      memberCount: 3,
      memberIdList: [],
      timestamp: Date.now(),
      receiverId: this.currentUserId,
    };
  }
  override async roomInvitationRawPayloadParser(raw: PUPPET.payloads.RoomInvitation): Promise<PUPPET.payloads.RoomInvitation> {
    return raw;
  }
  override async roomInvitationAccept(id: string): Promise<void> {
    this.accepted.push(id);
    const inv = this.invitations.get(id)!;
    const room = inv.room();
    room.add(this.mocker.ContactMock.load(this.currentUserId)).by(this.mocker.ContactMock.load(inv.inviterId));
  }
}

/** What the bot said: one entry per message it sent, with the file it carried. */
export interface Said {
  chatId: string;
  text: string;
  mentionIds: string[];
  file?: { name: string; data: Buffer };
}

export interface WechatWorld {
  t: TestApp;
  surface: WechatSurface;
  puppet: InvitingPuppet;
  mocker: mock.Mocker;
  me: ContactMock;
  said: Said[];
  contact(name: string): ContactMock;
  room(topic: string, members: ContactMock[]): RoomMock;
  /** A member writes in a room (optionally @-mentioning the bot); returns the message id. */
  say(from: ContactMock, text: string, where: RoomMock | 'private', mention?: boolean): string;
  saidIn(chatId: string): Said[];
  waitSaid(chatId: string, pred: (s: Said) => boolean, what?: string): Promise<Said>;
  chatKey(chatId: string): string;
  login(): Promise<void>;
  close(): Promise<void>;
}

export const BOT_NAME = '帮扶';

/** A real wechaty on the mock puppet, a real App on the suite's Redis, the WeChat surface between them. */
export async function openWechat(settings: Record<string, unknown>, opts: { login?: boolean } = {}): Promise<WechatWorld> {
  const t = await openTestApp({ wechat: { enabled: true, pacing: FAST, loginRetry: { minMs: 20, maxMs: 200 }, ...settings } });
  const mocker = new mock.Mocker();
  const puppet = new InvitingPuppet({ mocker });
  const me = mocker.createContact({ name: BOT_NAME });
  const said: Said[] = [];
  const pendingFiles: Promise<void>[] = [];
  const surface = new WechatSurface(t.app, {
    puppet,
    settings: t.app.config.platforms.wechat,
    qrOut: new PassThrough().resume(),
    logger: t.logger,
    sender: FAST_SENDER,
  });

  const record = (chatId: string) => (m: MessageMock) => {
    const p = m.payload;
    if (p.talkerId !== me.id) return;
    const entry: Said = { chatId, text: p.text ?? '', mentionIds: 'mentionIdList' in p ? (p.mentionIdList ?? []) : [] };
    if (p.type !== PUPPET.types.Message.Text) {
      // The file lands in the transcript only once its bytes are read, so waitSaid sees it complete.
      pendingFiles.push(
        m.toFileBox().then(async (fb) => {
          entry.file = { name: fb.name, data: await fb.toBuffer() };
          said.push(entry);
        }),
      );
      return;
    }
    said.push(entry);
  };

  // Anything the bot sends to itself (it would, if it answered its own messages) is recorded too.
  onMessage(me, (m) => {
    if ('listenerId' in m.payload && m.payload.listenerId === me.id) record(me.id)(m);
  });

  const world: WechatWorld = {
    t,
    surface,
    puppet,
    mocker,
    me,
    said,
    contact(name) {
      const c = mocker.createContact({ name });
      onMessage(c, (m) => {
        if (m.payload.talkerId === me.id && 'listenerId' in m.payload && m.payload.listenerId === c.id) record(c.id)(m);
      });
      return c;
    },
    room(topic, members) {
      const r = mocker.createRoom({ topic, memberIdList: members.map((m) => m.id) });
      onMessage(r, record(r.id));
      return r;
    },
    say(from, text, where, mention = false) {
      const before = new Set(mocker.cacheMessagePayload.keys());
      if (where === 'private') from.say(text).to(me);
      else from.say(mention ? `@${BOT_NAME}\u2005${text}` : text, mention ? [me] : []).to(where);
      const id = [...mocker.cacheMessagePayload.keys()].find((k) => !before.has(k));
      if (!id) throw new Error('mock did not create the message');
      return id;
    },
    saidIn: (chatId) => said.filter((s) => s.chatId === chatId),
    async waitSaid(chatId, pred, what = 'a reply') {
      await waitUntil(() => said.some((s) => s.chatId === chatId && pred(s)), what);
      return said.find((s) => s.chatId === chatId && pred(s))!;
    },
    chatKey: (chatId) => chatKey('wechat', chatId),
    async login() {
      mocker.login(me);
      // wechaty-puppet-mock never says it is ready after a login; bot.ready() would wait for ever.
      puppet.emit('ready', { data: 'ready' });
      await surface.bot.ready();
    },
    async close() {
      await surface.stop();
      await Promise.allSettled(pendingFiles);
      await t.close();
    },
  };
  await surface.start();
  if (opts.login !== false) await world.login();
  return world;
}
