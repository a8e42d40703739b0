import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import type { TelegramSurface } from '../../../src/bot/telegram/bot.js';
import { createTelegramSurface } from '../../../src/bot/telegram/index.js';
import { configSchema } from '../../../src/config/schema.js';
import { fixedClock } from '../../../src/core/clock.js';
import { createLogger } from '../../../src/log/logger.js';
import type { StoredRecord } from '../../../src/store/records.js';
import { TelegramApiStub, type Json, type StubChat, type StubUser } from '../../helpers/telegram-api-stub.js';
import { TODAY } from '../../helpers/harness.js';

/**
 * One bot process (real telegraf, real Redis, the real dispatcher and engine) talking to the Bot
 * API stand-in, with helpers that act like people in a Telegram group: type, reply to the bot's
 * question, tap a button.
 */

export const GROUP: StubChat = { id: -1001234567890, type: 'supergroup', title: '光东村帮扶群' };
export const ALICE: StubUser = { id: 101, is_bot: false, first_name: '李明' };
export const BOB: StubUser = { id: 102, is_bot: false, first_name: '王芳' };
export const CAROL: StubUser = { id: 103, is_bot: false, first_name: '张强' };
export const dm = (u: StubUser): StubChat => ({ id: u.id, type: 'private', first_name: u.first_name });

/** Fast enough for tests; the real defaults are Telegram's limits (see the report for measurements). */
export const FAST_PACING = { perChatPerSecond: 1000, perChatBurst: 100, perGroupPerMinute: 60_000, globalPerSecond: 10_000 };

export interface WorldOptions {
  env?: Record<string, string>;
  pacing?: Partial<typeof FAST_PACING>;
  /** Share the Redis key prefix of an earlier world (a restarted process). */
  prefix?: string;
  stub?: TelegramApiStub;
}

export class World {
  private constructor(
    readonly stub: TelegramApiStub,
    readonly app: App,
    readonly surface: TelegramSurface,
    readonly prefix: string,
    private readonly ownsStub: boolean,
  ) {}

  static async open(o: WorldOptions = {}): Promise<World> {
    const stub = o.stub ?? new TelegramApiStub();
    const apiRoot = o.stub ? o.stub.url : await stub.start();
    const prefix = o.prefix ?? `test-${randomUUID()}:`;
    const config = configSchema.parse({
      redis: { url: inject('redisUrl'), keyPrefix: prefix },
      platforms: { telegram: { pollTimeoutSec: 1, stopGraceSec: 5, pacing: { ...FAST_PACING, ...o.pacing } } },
      // The users who /export in these tests hold the role that may export a group's whole table.
      roles: { 'telegram:101': ['coordinator'], 'telegram:102': ['coordinator'], 'telegram:103': ['coordinator'] },
    });
    const app = await createApp(config, createLogger('silent'), { clock: fixedClock(TODAY), env: {} });
    const env = { TELEGRAM_BOT_TOKEN: '123456789:TEST-token-for-the-local-stand-in', TELEGRAM_API_ROOT: apiRoot, ...o.env };
    const surface = createTelegramSurface(app, env, { webhookHost: '127.0.0.1' });
    if (!surface) throw new Error('telegram surface not created');
    await surface.start();
    return new World(stub, app, surface, prefix, !o.stub);
  }

  /** Every update so far handled and every reply delivered. */
  async settle(): Promise<void> {
    await this.stub.confirmed();
    await this.surface.idle();
  }

  async say(chat: StubChat, from: StubUser, text: string, replyTo?: number): Promise<Json> {
    const m = this.stub.say(chat, from, text, replyTo ? { replyTo } : {});
    await this.settle();
    return m;
  }

  /** The bot's newest message in a chat that answers this user (in a private chat: its newest message). */
  lastFor(chat: StubChat, user: StubUser): Json {
    const mine = this.stub
      .sent(chat.id)
      .filter((m) => chat.type === 'private' || ((m.reply_to_message as Json | undefined)?.from as StubUser | undefined)?.id === user.id);
    const last = mine.at(-1);
    if (!last) throw new Error(`no bot message for ${user.first_name} in ${chat.id}`);
    return last;
  }

  /** Replies to the bot's latest question to this user, as Telegram's force_reply makes one do. */
  async answer(chat: StubChat, user: StubUser, text: string): Promise<Json> {
    return this.say(chat, user, text, this.lastFor(chat, user).message_id as number);
  }

  /** Taps the button with this text on the newest message addressed to this user that has it. */
  async tap(chat: StubChat, user: StubUser, label: string, on?: Json): Promise<string> {
    const mine = this.stub
      .sent(chat.id)
      .filter((m) => chat.type === 'private' || ((m.reply_to_message as Json | undefined)?.from as StubUser | undefined)?.id === user.id);
    const msg = on ?? [...mine].reverse().find((m) => buttons(m).some((b) => b.text === label));
    const button = msg && buttons(msg).find((b) => b.text === label);
    if (!msg || !button?.callback_data) throw new Error(`no button ${label} in chat ${chat.id}`);
    const id = this.stub.tap(chat.id, msg.message_id as number, user, button.callback_data);
    await this.settle();
    return id;
  }

  /** The parameters the bot sent a message with (reply_markup as sent, force_reply included). */
  sentWith(m: Json): Json {
    const call = this.stub.calls.find(
      (c) =>
        c.method === 'sendMessage' &&
        (c.result as Json | undefined)?.message_id === m.message_id &&
        Number(c.params.chat_id) === (m.chat as StubChat).id,
    );
    if (!call) throw new Error('no sendMessage call for that message');
    return call.params;
  }

  /** Texts the bot sent to a chat, in order (edits show their latest text). */
  texts(chat: StubChat): string[] {
    return this.stub.sent(chat.id).map((m) => String(m.text ?? m.caption ?? ''));
  }

  async ledger(): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for await (const r of this.app.records.scan({ form: 'ledger' })) out.push(r);
    return out;
  }

  async close(): Promise<void> {
    await this.surface.stop();
    const stale = await this.app.redis.keys(`${this.prefix}*`);
    if (stale.length) await this.app.redis.del(...stale);
    await this.app.close();
    if (this.ownsStub) await this.stub.close();
  }

  /** Stops this process without deleting its Redis keys (a restart follows on the same prefix). */
  async crash(): Promise<void> {
    await this.surface.stop();
    await this.app.close();
  }
}

export interface StubButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export function buttons(m: Json): StubButton[] {
  const kb = (m.reply_markup as { inline_keyboard?: StubButton[][] } | undefined)?.inline_keyboard ?? [];
  return kb.flat();
}

/** The calls of one method, in order. */
export function callsOf(stub: TelegramApiStub, method: string): Json[] {
  return stub.calls.filter((c) => c.method === method).map((c) => c.params);
}
