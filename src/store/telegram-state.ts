import { chatKey } from '../core/ids.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

/**
 * take-1 — hand out a user's live keyboard once, and only for the message it belongs to, so a
 * double tap or a tap on an older question cannot answer the next one.
 * KEYS: 1 live keyboard   ARGV: 1 message id
 * Returns: the JSON list of button values, or nil (no keyboard, or it belongs to another message)
 */
const take1 = `
local v = redis.call('GET', KEYS[1])
if not v then return false end
local sep = string.find(v, '|', 1, true)
if not sep or string.sub(v, 1, sep - 1) ~= ARGV[1] then return false end
redis.call('DEL', KEYS[1])
return string.sub(v, sep + 1)
`;

interface WithTake extends BangfuRedis {
  bangfuTgTakeKeyboard(key: string, messageId: string): Promise<string | null>;
}

export interface TelegramStateOptions {
  botId: string;
  /** How long keyboards and prompt owners are remembered: as long as a draft lives. */
  ttlSec: number;
  /** How long an update's outside-the-mailbox effect is remembered: as long as message dedupe. */
  doneTtlSec: number;
}

/**
 * The Telegram surface's own bookkeeping in Redis (keys in src/store/keys.ts): chats that blocked
 * the bot, updates already acted on, live keyboards and who each group question was for. Nothing
 * here is needed to save a record; losing it costs at most a "button expired" notice.
 */
export class TelegramState {
  private readonly inactive = new Set<string>();
  private readonly redis: WithTake;

  constructor(redis: BangfuRedis, private readonly keys: Keys, private readonly o: TelegramStateOptions) {
    this.redis = redis as WithTake;
    if (!('bangfuTgTakeKeyboard' in redis)) redis.defineCommand('bangfuTgTakeKeyboard', { numberOfKeys: 1, lua: take1 });
  }

  private ck(chatId: string): string {
    return chatKey('telegram', chatId);
  }

  /** Loads the inactive set once at start-up; afterwards this process keeps its own copy in step. */
  async load(): Promise<void> {
    for (const k of await this.redis.smembers(this.keys.inactiveChats())) this.inactive.add(k);
  }

  isInactive(chatId: string): boolean {
    return this.inactive.has(this.ck(chatId));
  }

  async markInactive(chatId: string): Promise<void> {
    this.inactive.add(this.ck(chatId));
    await this.redis.sadd(this.keys.inactiveChats(), this.ck(chatId));
  }

  /** A chat that speaks to the bot again (unblocked, re-added) is reachable again. */
  async reactivate(chatId: string): Promise<void> {
    if (!this.inactive.delete(this.ck(chatId))) return;
    await this.redis.srem(this.keys.inactiveChats(), this.ck(chatId));
  }

  /** True the first time an update is acted on, false for a redelivery (after a restart, too). */
  async firstTime(updateId: number): Promise<boolean> {
    const r = await this.redis.set(this.keys.updateDone('telegram', this.o.botId, String(updateId)), '1', 'EX', this.o.doneTtlSec, 'NX');
    return r === 'OK';
  }

  async setKeyboard(chatId: string, userId: string, messageId: number, values: readonly string[]): Promise<void> {
    await this.redis.set(this.keys.liveKeyboard(this.ck(chatId), userId), `${messageId}|${JSON.stringify(values)}`, 'EX', this.o.ttlSec);
  }

  async clearKeyboard(chatId: string, userId: string): Promise<void> {
    await this.redis.del(this.keys.liveKeyboard(this.ck(chatId), userId));
  }

  /** The values of the keyboard on `messageId` if it is the user's current one; it is used up. */
  async takeKeyboard(chatId: string, userId: string, messageId: number): Promise<string[] | undefined> {
    const raw = await this.redis.bangfuTgTakeKeyboard(this.keys.liveKeyboard(this.ck(chatId), userId), String(messageId));
    if (raw === null) return undefined;
    const values: unknown = JSON.parse(raw);
    return Array.isArray(values) ? values.map(String) : undefined;
  }

  async setPromptOwner(chatId: string, messageId: number, userId: string): Promise<void> {
    await this.redis.set(this.keys.promptOwner(this.ck(chatId), String(messageId)), userId, 'EX', this.o.ttlSec);
  }

  async promptOwner(chatId: string, messageId: number): Promise<string | null> {
    return this.redis.get(this.keys.promptOwner(this.ck(chatId), String(messageId)));
  }
}
