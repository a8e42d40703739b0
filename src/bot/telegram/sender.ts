import { TelegramError, type Telegram } from 'telegraf';
import type { MessageEntity, ReplyParameters } from 'telegraf/types';
import type { OutboundAction, OutboundSink, ReplyTarget } from '../../core/events.js';
import type { Logger } from '../../log/logger.js';
import { tg } from '../../text/telegram.js';
import { quotedMessage, type BotIdentity } from './decode.js';
import { encodeAction, type OutMessage } from './encode.js';
import type { OutboundJob, Pacer, SendFailure } from './pacer.js';
import type { TelegramState } from '../../store/telegram-state.js';

/** Telegram takes documents of up to 50 MB from a bot. */
export const TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024;

/** Telegram's answers, mapped to what the outbound queue does about them. */
export function classifyTelegramError(err: unknown): SendFailure {
  if (err instanceof TelegramError) {
    if (err.code === 429) return { kind: 'retry', afterMs: Math.max(1, err.parameters?.retry_after ?? 1) * 1000 };
    if (err.code === 403) return { kind: 'blocked' };
    if (err.code >= 500) return { kind: 'transient' };
    return { kind: 'reject' };
  }
  return { kind: 'transient' }; // the request never got an answer: network trouble
}

/** The "continue privately" link of a group: /start with the group's id, which the private chat turns into a hand-over. */
export function privateLink(botUsername: string, groupId: string): string {
  return `https://t.me/${botUsername}?start=g${groupId}`;
}

export function parsePrivateLink(payload: string): string | undefined {
  return /^g(-?\d{1,20})$/.exec(payload)?.[1];
}

const messageId = (r: unknown): number | undefined =>
  typeof r === 'object' && r !== null && 'message_id' in r && typeof r.message_id === 'number' ? r.message_id : undefined;

/**
 * The dispatcher's OutboundSink for Telegram, plus the adapter's own notices. Every call goes
 * through the paced queue; `send` returns once the messages are queued, so a slow chat (or a 429)
 * never holds up a conversation's lock. In a group every message quotes the user it answers.
 */
export class TelegramSender implements OutboundSink {
  constructor(
    private readonly telegram: Telegram,
    private readonly pacer: Pacer,
    private readonly state: TelegramState,
    private readonly me: () => BotIdentity,
    private readonly logger: Logger,
  ) {}

  async send(target: ReplyTarget, actions: OutboundAction[]): Promise<void> {
    const chatId = target.chat.id;
    if (this.state.isInactive(chatId)) {
      this.logger.info({ chat: chatId }, 'telegram: chat inactive (bot blocked or removed); replies not sent');
      return;
    }
    const group = target.chat.kind === 'group';
    const owner = target.user?.id;
    const quote = group ? quotedMessage(target.replyToMessageId) : undefined;
    const link = group ? privateLink(this.me().username, chatId) : undefined;
    // Files and texts go out in the order the engine gave them.
    const items: (OutMessage | Extract<OutboundAction, { kind: 'file' }>)[] = [];
    for (const a of actions) {
      if (a.kind === 'file') items.push(a);
      else items.push(...encodeAction(a, { group, ...(owner ? { owner } : {}), ...(link ? { privateLink: link } : {}) }));
    }
    const lastText = items.findLastIndex((it) => !('kind' in it));
    items.forEach((it, i) => {
      if ('kind' in it) {
        if (it.data.length > TELEGRAM_UPLOAD_LIMIT) this.notify(chatId, group, tg.tooLarge(it.fileName), quote);
        else this.document(chatId, group, it, quote);
        return;
      }
      this.message(chatId, group, it, quote, async (sent) => {
        if (!owner || sent === undefined) return;
        if (it.asks && group) await this.state.setPromptOwner(chatId, sent, owner);
        // Only the newest question's buttons may be tapped; a reply without buttons retires the old ones.
        if (i !== lastText) return;
        if (it.keyboard) await this.state.setKeyboard(chatId, owner, sent, it.keyboard);
        else await this.state.clearKeyboard(chatId, owner);
      });
    });
  }

  /** A notice of the adapter's own (not an engine reply): keyboards and prompts are left as they are. */
  notify(chatId: string, group: boolean, text: string, quote?: number): void {
    this.message(chatId, group, { text, asks: false }, group ? quote : undefined);
  }

  document(chatId: string, group: boolean, file: Extract<OutboundAction, { kind: 'file' }>, quote?: number): void {
    this.enqueue(chatId, group, 'sendDocument', () =>
      this.telegram.sendDocument(
        chatId,
        { source: file.data, filename: file.fileName },
        {
          ...(file.caption ? { caption: file.caption.slice(0, 1024) } : {}),
          // telegraf 4.16 drops object fields it does not know from multipart uploads; a JSON string
          // is what the Bot API expects there anyway.
          ...(quote ? { reply_parameters: JSON.stringify(reply(quote)) as unknown as ReplyParameters } : {}),
        },
      ),
    );
  }

  /** Shows under a tapped question what was chosen, and takes its buttons away. */
  edit(chatId: string, group: boolean, messageId: number, text: string, entities?: MessageEntity[]): void {
    this.enqueue(chatId, group, 'editMessageText', () =>
      this.telegram.editMessageText(chatId, messageId, undefined, text, entities?.length ? { entities } : {}),
    );
  }

  private message(
    chatId: string,
    group: boolean,
    m: OutMessage,
    quote: number | undefined,
    after?: (sent: number | undefined) => Promise<void>,
  ): void {
    this.enqueue(
      chatId,
      group,
      'sendMessage',
      () =>
        this.telegram.sendMessage(chatId, m.text, {
          ...(m.entities ? { entities: m.entities } : {}),
          ...(m.markup ? { reply_markup: m.markup } : {}),
          ...(quote ? { reply_parameters: reply(quote) } : {}),
          link_preview_options: { is_disabled: true },
        }),
      after && ((r) => after(messageId(r))),
    );
  }

  private enqueue(chatId: string, group: boolean, what: string, send: () => Promise<unknown>, after?: (r: unknown) => Promise<void>): void {
    const job: OutboundJob = { chatId, group, what, send, ...(after ? { after } : {}) };
    this.pacer.enqueue(job);
  }
}

/** Quote the user's message, but still send if they deleted it meanwhile. */
function reply(quote: number): ReplyParameters {
  return { message_id: quote, allow_sending_without_reply: true };
}
