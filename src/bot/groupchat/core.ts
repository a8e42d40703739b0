import path from 'node:path';
import type { ChatRef, OutboundAction, OutboundSink, Platform, ReplyTarget, UserRef } from '../../core/events.js';
import { chatKey } from '../../core/ids.js';
import { normalizeInput, typedText } from '../../core/text.js';
import type { Logger } from '../../log/logger.js';
import type { BotContext } from '../context.js';
import { maskPersonalData } from '../../privacy/mask.js';
import { groupchatText as T } from '../../text/groupchat.js';
import { type CommandRegistry } from '../../flows/commands/registry.js';
import { leadingWord } from './address.js';
import { GroupBindings, type GroupBinding, type GroupSpec } from './binding.js';
import { Outbox, type OutboxBody, type OutboxItem, type OutboxTarget } from '../../store/outbox.js';
import { renderActions, uniqueUsers } from './render.js';
import { PacedSender, type PacingOptions, type SenderOptions } from './sender.js';

/** A chat message as a group surface decoded it, before bangfu decides whether it is for the bot. */
export interface IncomingMessage {
  /** For a group, `title` is the platform's current group name (used only to bind a name-only entry). */
  chat: ChatRef;
  user: UserRef;
  /** The platform's message id: redeliveries of it take effect once. */
  messageId: string;
  /** Text with the @-mention of the bot already removed. */
  text: string;
  /** The bot was @-mentioned. */
  mentioned: boolean;
  sentAt: number;
}

export type ReceiveOutcome = 'dispatched' | 'ignored' | 'duplicate' | 'unbound' | 'upcoming' | 'empty';

export interface GroupChatOptions {
  platform: Platform;
  app: Pick<BotContext, 'dispatcher' | 'engine' | 'redis' | 'keys' | 'config' | 'commands' | 'conversations' | 'bindings'>;
  groups: readonly GroupSpec[];
  pacing: PacingOptions;
  /** Sends one queued message on the platform. */
  deliver: (item: OutboxItem) => Promise<void>;
  isReady: () => boolean;
  /** See GroupBindingsOptions.isGone: only for platforms whose chat ids change between login sessions. */
  isGone?: (chatId: string) => Promise<boolean>;
  logger: Logger;
  /** Sender tuning beyond pacing (lease, polling, retries); tests shorten these. */
  sender?: Partial<Omit<SenderOptions, 'outbox' | 'deliver' | 'isReady' | 'logger'>>;
  now?: () => Date;
}

/**
 * What WeChat and QQ groups share: which groups are served (bindings), which messages are for the
 * bot, greetings, and replies through the paced Redis outbox. Forms and query commands (导出…) are
 * the dispatcher's, as for every platform. A platform adapter only decodes its events into
 * `receive`/`botJoined`/`membersJoined` and delivers OutboxItems.
 */
export class GroupChat implements OutboundSink {
  readonly bindings: GroupBindings;
  readonly outbox: Outbox;
  readonly sender: PacedSender;
  private readonly now: () => Date;
  /** The dispatcher's query commands (导出…): words they own are never announced as "coming soon". */
  private get commands(): CommandRegistry {
    return this.o.app.commands;
  }

  constructor(private readonly o: GroupChatOptions) {
    this.now = o.now ?? (() => new Date());
    const gone = o.isGone ? { isGone: o.isGone } : {};
    const { platform, groups, logger } = o;
    this.bindings = new GroupBindings({ store: o.app.bindings, platform, groups, logger, now: this.now, ...gone });
    this.outbox = new Outbox(o.app.redis, o.app.keys, o.platform, path.resolve(o.app.config.dataDir, 'outbox', o.platform));
    this.sender = new PacedSender({
      ...o.sender,
      ...o.pacing,
      outbox: this.outbox,
      deliver: o.deliver,
      isReady: o.isReady,
      logger: o.logger,
    });
    o.app.dispatcher.registerSink(o.platform, this);
  }

  async start(): Promise<void> {
    await this.bindings.sync();
    this.sender.start();
  }

  async stop(): Promise<void> {
    await this.sender.stop();
  }

  /** The account is (back) online: deliver what waited. */
  online(): void {
    this.sender.wake();
  }

  /** Routes one message: unconfigured groups are ignored, group commands answered, the rest goes to the dispatcher. */
  async receive(m: IncomingMessage): Promise<ReceiveOutcome> {
    const text = normalizeInput(m.text);
    if (!text) return 'empty';
    let chat = m.chat;
    if (chat.kind === 'group') {
      const b = await this.bindings.resolve(chat.id, chat.title);
      if (!b) return 'unbound';
      // Records and exports carry the configured name, not whatever the topic is today.
      chat = { id: chat.id, kind: 'group', title: b.name };
    }
    const upcoming = leadingWord(text, T.words.upcoming);
    if (upcoming && !this.o.app.engine.isCommandWord(text) && !this.commands.match(text)) {
      const target: ReplyTarget = { platform: this.o.platform, chat, user: m.user, replyToMessageId: m.messageId };
      if (!(await this.once(chat.id, m.messageId))) return this.duplicate(m);
      await this.send(target, [{ kind: 'text', text: T.upcoming(upcoming) }]);
      return 'upcoming';
    }
    const status = await this.o.app.dispatcher.handle({
      platform: this.o.platform,
      chat,
      user: m.user,
      messageId: m.messageId,
      // The message as typed (full-width punctuation, line breaks): `text` above is only for recognising words.
      text: typedText(m.text),
      attachments: [],
      // In a group, the dispatcher also answers command words and people with a form open there.
      addressed: chat.kind === 'private' || m.mentioned,
      sentAt: m.sentAt,
    });
    if (status === 'duplicate') return this.duplicate(m);
    return status === 'ignored' ? 'ignored' : 'dispatched';
  }

  private duplicate(m: IncomingMessage): 'duplicate' {
    this.o.logger.debug({ chatId: m.chat.id, messageId: m.messageId }, 'duplicate message');
    return 'duplicate';
  }

  /** The bot is now in a group: bind it if configured and say what it can do (once per event). */
  async botJoined(chat: ChatRef, eventId: string): Promise<GroupBinding | undefined> {
    const b = await this.bindings.resolve(chat.id, chat.title);
    if (!b || !(await this.once(chat.id, `joined:${eventId}`))) return b;
    await this.enqueueTexts({ chatId: chat.id, kind: 'group' }, [T.joined(b.name, b.region, b.team)]);
    return b;
  }

  /** New members in a served group are told how to register. */
  async membersJoined(chat: ChatRef, users: UserRef[], eventId: string): Promise<void> {
    if (!users.length) return;
    const b = await this.bindings.resolve(chat.id, chat.title);
    if (!b || !(await this.once(chat.id, `welcome:${eventId}`))) return;
    await this.enqueueTexts({ chatId: chat.id, kind: 'group' }, [T.welcome(users.map((u) => u.name))]);
  }

  /** OutboundSink: replies are queued in Redis and delivered by the paced sender, in order. */
  async send(target: ReplyTarget, actions: OutboundAction[]): Promise<void> {
    const base: OutboxTarget = { chatId: target.chat.id, kind: target.chat.kind };
    const messages: { target: OutboxTarget; body: OutboxBody }[] = [];
    const group = target.chat.kind === 'group';
    for (const part of renderActions(actions)) {
      // Only the first message of a reply in a group @-addresses (and quotes) the member it answers.
      const first = messages.length === 0 && group && target.user !== undefined;
      const t: OutboxTarget = first && target.replyToMessageId ? { ...base, replyTo: target.replyToMessageId } : { ...base };
      if (part.kind === 'text') {
        const mentions = group ? uniqueUsers([...(first && target.user ? [target.user] : []), ...part.mentions]) : [];
        if (mentions.length) t.mentions = mentions;
        messages.push({ target: t, body: { kind: 'text', text: maskPersonalData(part.text) } });
      } else {
        const fileName = safeFileName(part.fileName);
        messages.push({
          target: t,
          body: { kind: 'file', path: await this.outbox.saveFile(fileName, part.data), fileName, mime: part.mime },
        });
      }
    }
    await this.outbox.enqueue(messages);
  }

  /** Whether to accept an invitation: QQ knows the group number up front, WeChat only its name. */
  isInvitable(q: { chatId?: string; name?: string }): boolean {
    return this.bindings.isConfigured(q);
  }

  private async enqueueTexts(target: OutboxTarget, texts: string[]): Promise<void> {
    await this.outbox.enqueue(texts.map((text) => ({ target, body: { kind: 'text', text: maskPersonalData(text) } })));
  }

  /** First sight of a platform event id in this chat (the dispatcher's own dedupe key space). */
  private async once(chatId: string, eventId: string): Promise<boolean> {
    return this.o.app.conversations.firstSight(chatKey(this.o.platform, chatId), eventId);
  }
}

/** Group names become file names: keep them readable, drop what file systems and chat apps reject. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120) || 'file';
}
