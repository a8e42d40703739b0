import { chatKey } from '../core/ids.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

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

  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
    private readonly o: TelegramStateOptions,
  ) {}

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
    const raw = await this.redis.bangfuTakeKeyboard(this.keys.liveKeyboard(this.ck(chatId), userId), String(messageId));
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
