import type { Telegram } from 'telegraf';
import type { CallbackQuery, ChatMemberUpdated, Message } from 'telegraf/types';
import type { InboundEvent } from '../../core/events.js';
import { migrateChat } from '../../store/chat-migration.js';
import type { BotContext } from '../context.js';
import { tg } from '../../text/telegram.js';
import { zh } from '../../text/zh.js';
import { handOverToPrivate } from '../../flows/handover.js';
import { chatRef, decodeMessage, tapMessageId, userName, type BotIdentity, type DecodedMessage } from './decode.js';
import { parseCallbackData, tappedLabel } from './keyboard.js';
import { parsePrivateLink, type TelegramSender } from './sender.js';
import { TELEGRAM_TEXT_LIMIT } from '../../core/split.js';
import type { TelegramState } from '../../store/telegram-state.js';

/**
 * What each kind of update does. Messages and taps become inbound events for the dispatcher (whose
 * dedupe by message id makes a redelivered update harmless; /export is one of its commands); the
 * few things done here directly (a hand-over, a welcome) are guarded by a once-per-update_id key
 * in Redis instead.
 * Every method resolves only when its effect is durable, so the update may then be confirmed.
 */
export class TelegramHandlers {
  constructor(
    private readonly app: BotContext,
    private readonly telegram: Telegram,
    private readonly sender: TelegramSender,
    private readonly state: TelegramState,
    private readonly me: () => BotIdentity,
  ) {}

  async onMessage(updateId: number, m: Message): Promise<void> {
    if ('migrate_to_chat_id' in m) return this.migrate(String(m.chat.id), String(m.migrate_to_chat_id));
    if ('migrate_from_chat_id' in m) return this.migrate(String(m.migrate_from_chat_id), String(m.chat.id));
    const d = decodeMessage(m, this.me());
    if (!d) return;
    await this.state.reactivate(d.chat.id);
    let text = d.text;
    switch (d.intent?.kind) {
      case 'not-ours':
        return;
      case 'start': {
        const group = parsePrivateLink(d.intent.payload);
        if (group && d.chat.kind === 'private') return this.handOver(updateId, d, group);
        text = zh.words.help[0];
        break;
      }
      case 'engine':
        text = d.intent.text;
        break;
      case undefined:
        // In a group, a reply to the question the bot asked someone else is not an answer of this user's.
        if (d.chat.kind === 'group' && d.replyToBot !== undefined && !this.app.engine.isCommandWord(text)) {
          const owner = await this.state.promptOwner(d.chat.id, d.replyToBot);
          if (owner !== null && owner !== d.user.id) return;
        }
    }
    await this.app.dispatcher.handle(this.event(d, text));
  }

  async onCallback(q: CallbackQuery): Promise<void> {
    let notice: string | undefined;
    try {
      notice = await this.tap(q);
    } finally {
      // A tap is always answered, or the user's button keeps spinning.
      await this.telegram
        .answerCbQuery(q.id, notice)
        .catch((err: unknown) => this.app.logger.warn({ err: errText(err) }, 'telegram: answerCallbackQuery failed'));
    }
  }

  /** Returns the short notice for the user, or undefined when the tap was taken as an answer. */
  private async tap(q: CallbackQuery): Promise<string | undefined> {
    const msg = q.message;
    const data = 'data' in q ? parseCallbackData(q.data) : undefined;
    if (!data || !msg || msg.date === 0) return tg.callback.stale;
    const chat = chatRef(msg.chat);
    if (!chat) return tg.callback.stale;
    const user = String(q.from.id);
    if (data.owner !== user) return tg.callback.notYours;
    const values = await this.state.takeKeyboard(chat.id, user, msg.message_id);
    const value = values?.[data.index];
    if (value === undefined || !values) return tg.callback.stale;
    await this.state.reactivate(chat.id);
    const reply = 'reply_to_message' in msg ? msg.reply_to_message : undefined;
    const quote = reply?.from?.id === q.from.id ? reply.message_id : undefined;
    const ev: InboundEvent = {
      platform: 'telegram',
      chat,
      user: { id: user, name: userName(q.from) },
      messageId: tapMessageId(q.id, quote),
      text: value,
      attachments: [],
      addressed: true,
      sentAt: Date.now(),
    };
    try {
      await this.app.dispatcher.handle(ev);
    } catch (err) {
      // Not queued: give the keyboard back so the retried update (or a second tap) still counts.
      await this.state.setKeyboard(chat.id, user, msg.message_id, values).catch(() => undefined);
      throw err;
    }
    if ('text' in msg) {
      const label = ('data' in q ? tappedLabel(msg.reply_markup, q.data) : undefined) ?? value;
      const echoed = `${msg.text}\n${tg.tapped(label)}`;
      // A question already at Telegram's length limit just loses its buttons.
      const text = echoed.length <= TELEGRAM_TEXT_LIMIT ? echoed : msg.text;
      this.sender.edit(chat.id, chat.kind === 'group', msg.message_id, text, msg.entities);
    }
    return undefined;
  }

  async onMembership(updateId: number, u: ChatMemberUpdated): Promise<void> {
    const chat = chatRef(u.chat);
    if (!chat) return;
    const now = u.new_chat_member.status;
    const gone = (s: string): boolean => s === 'left' || s === 'kicked';
    if (gone(now)) {
      this.app.logger.warn({ chat: chat.id, status: now }, 'telegram: bot removed or blocked; chat marked inactive');
      await this.state.markInactive(chat.id);
      return;
    }
    if (!gone(u.old_chat_member.status)) return;
    await this.state.reactivate(chat.id);
    if (chat.kind === 'group' && (await this.state.firstTime(updateId))) this.sender.notify(chat.id, true, tg.welcomeGroup);
  }

  private event(d: DecodedMessage, text: string): InboundEvent {
    return {
      platform: 'telegram',
      chat: d.chat,
      user: d.user,
      messageId: d.messageId,
      text,
      attachments: d.attachments,
      addressed: d.addressed,
      sentAt: d.sentAt,
    };
  }

  private async migrate(fromId: string, toId: string): Promise<void> {
    const r = await migrateChat(this.app.redis, this.app.keys, 'telegram', fromId, toId);
    this.app.logger.info({ from: fromId, to: toId, ...r }, 'telegram: group upgraded to a supergroup; records and drafts moved');
  }

  /** The private half of "continue privately": move the draft here, then show where it was. */
  private async handOver(updateId: number, d: DecodedMessage, groupId: string): Promise<void> {
    if (!(await this.state.firstTime(updateId))) return;
    const title = await this.telegram
      .getChat(groupId)
      .then((c) => ('title' in c ? c.title : undefined))
      .catch(() => undefined);
    const group = { id: groupId, kind: 'group' as const, ...(title ? { title } : {}) };
    const r = await handOverToPrivate(this.app.conversations, 'telegram', group, d.chat, d.user);
    if (r === 'none') return this.sender.notify(d.chat.id, false, tg.handover.none);
    if (r === 'busy') return this.sender.notify(d.chat.id, false, tg.handover.busy);
    // The group's buttons belong to the moved draft now being answered here.
    await this.state.clearKeyboard(groupId, d.user.id);
    this.sender.notify(d.chat.id, false, tg.handover.moved(title ?? tg.handover.someGroup));
    await this.app.dispatcher.handle(this.event(d, zh.words.view[0]));
  }
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
