import { randomUUID } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import type { InboundEvent, OutboundAction, OutboundSink, ReplyTarget } from '../core/events.js';
import { chatKey, conversationKey, userKey } from '../core/ids.js';
import type { FlowEngine, StepOutput } from '../flows/engine.js';
import { parseState } from '../flows/state.js';
import type { Logger } from '../log/logger.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { ClaimResult, ConversationStore, PreparedRecord } from '../store/conversations.js';
import type { RecordRepository } from '../store/records.js';
import { zh } from '../text/zh.js';
import type { CommandRegistry } from './commands/registry.js';

/** processed: this process is handling it now; queued: another holder will (or a retry here will). */
export type HandleStatus = 'processed' | 'queued' | 'duplicate' | 'ignored';

export interface DispatcherOptions {
  engine: FlowEngine;
  conversations: ConversationStore;
  records: RecordRepository;
  clock: Clock;
  logger: Logger;
  /** Query commands (/export …); absent in tests that only exercise forms. */
  commands?: CommandRegistry;
  config?: Config;
}

/**
 * The path of every chat message: claim the conversation in Redis (dedupe + order + lock), run one
 * engine step, commit state and any confirmed record atomically, then send the replies. Replies go
 * out only after the commit, so "已保存" is never said about something that is not stored.
 */
export class Dispatcher {
  private readonly sinks = new Map<string, OutboundSink>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly o: DispatcherOptions) {}

  /** Adapters register how to send on their platform; any process may answer any conversation. */
  registerSink(platform: string, sink: OutboundSink): void {
    this.sinks.set(platform, sink);
  }

  /**
   * Accepts a message: resolves once it is durably queued for its conversation (or recognised as a
   * duplicate / chatter). Processing and replies continue in the background; `idle()` awaits them.
   * Adapters can therefore acknowledge a platform update as soon as Redis has it.
   */
  async handle(ev: InboundEvent): Promise<HandleStatus> {
    const conv = conversationKey(ev);
    // In a group, chatter not addressed to the bot only matters to someone with a form open.
    const requireState = ev.chat.kind === 'group' && !ev.addressed && !this.isCommandWord(ev.text);
    const token = randomUUID();
    const claim = await this.o.conversations.claim(conv, chatKey(ev.platform, ev.chat.id), ev.messageId, JSON.stringify(ev), token, requireState);
    void this.track(this.follow(conv, token, claim)).catch((err: unknown) => this.o.logger.error({ err, conv }, 'drain failed'));
    return claim.status === 'run' ? 'processed' : claim.status === 'empty' ? 'processed' : claim.status;
  }

  private isCommandWord(text: string): boolean {
    return this.o.engine.isCommandWord(text) || this.o.commands?.match(text) !== undefined;
  }

  /** Resolves once every drain and retry this process started has finished (console EOF, tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }

  private async follow(conv: string, token: string, claim: ClaimResult): Promise<HandleStatus> {
    switch (claim.status) {
      case 'ignored':
      case 'duplicate':
        return claim.status;
      case 'empty':
        return 'processed';
      case 'queued':
        // Normally the holder drains our message. If the holder died, its lock expires and we take over.
        this.track(this.retryLater(conv, claim.retryInMs));
        return 'queued';
      case 'run':
        await this.drain(conv, token, claim.message, claim.state);
        return 'processed';
    }
  }

  private async retryLater(conv: string, waitMs: number): Promise<void> {
    await new Promise((r) => setTimeout(r, waitMs + 20));
    const token = randomUUID();
    await this.follow(conv, token, await this.o.conversations.kick(conv, token));
  }

  private async drain(conv: string, token: string, message: string, state: string | null): Promise<void> {
    let msg: string | undefined = message;
    let st = state;
    while (msg !== undefined) {
      const ev = JSON.parse(msg) as InboundEvent;
      const { out, record } = await this.runStep(ev, st);
      const res = await this.o.conversations.commit(conv, token, out.state ? JSON.stringify(out.state) : null, record);
      if (res.status === 'lost') {
        // Our lock expired mid-step and someone else is handling this message: say nothing.
        this.o.logger.warn({ conv }, 'conversation lock lost; step discarded');
        return;
      }
      if (res.saved === 'new') this.o.logger.info({ form: record?.form, id: record?.id, chat: record?.chatKey }, 'record saved');
      await this.send(ev, out.replies);
      if (res.status === 'next') {
        msg = res.message;
        st = res.state;
      } else {
        msg = undefined;
      }
    }
  }

  private async runStep(ev: InboundEvent, stateJson: string | null): Promise<{ out: StepOutput; record?: PreparedRecord }> {
    const parsed = parseState(stateJson);
    try {
      // A state written by an older version of the form is dropped with a fresh start, not misread.
      const state = parsed === 'stale' ? null : parsed;
      const cmd = this.o.commands?.match(ev.text);
      if (cmd && this.o.config) {
        // A query never touches the draft: the form continues after it where it was.
        const replies = await cmd.command.run({ ev, args: cmd.args, now: this.o.clock.now(), config: this.o.config, records: this.o.records });
        return { out: { state, replies } };
      }
      const out = this.o.engine.step(state, { text: ev.text, now: this.o.clock.now() });
      const home = state?.origin ?? { chatId: ev.chat.id, chatTitle: ev.chat.title ?? '' };
      const record = out.save
        ? this.o.records.prepare(out.save.form, out.save.id, out.save.values, {
            platform: ev.platform,
            chatId: home.chatId,
            chatKey: chatKey(ev.platform, home.chatId),
            chatTitle: home.chatTitle,
            userId: ev.user.id,
            userKey: userKey(ev.platform, ev.user.id),
            userName: ev.user.name,
            createdAt: this.o.clock.now().toISOString(),
          })
        : undefined;
      return record ? { out, record } : { out };
    } catch (error) {
      // A poison message must not jam the conversation: keep the draft as it was and move on.
      this.o.logger.error({ err: error, platform: ev.platform, chat: ev.chat.id }, 'step failed');
      return { out: { state: parsed === 'stale' ? null : parsed, replies: [{ kind: 'text', text: zh.engine.crashed }] } };
    }
  }

  private async send(ev: InboundEvent, actions: OutboundAction[]): Promise<void> {
    if (!actions.length) return;
    const sink = this.sinks.get(ev.platform);
    if (!sink) {
      this.o.logger.error({ platform: ev.platform }, 'no sink registered for platform; replies dropped');
      return;
    }
    const target: ReplyTarget = { platform: ev.platform, chat: ev.chat, user: ev.user, replyToMessageId: ev.messageId };
    try {
      await sink.send(target, actions.map(maskAction));
    } catch (error) {
      this.o.logger.error({ err: error, platform: ev.platform, chat: ev.chat.id }, 'send failed');
    }
  }
}

/** Personal numbers never reach a chat unmasked, whatever a form or user typed. */
function maskAction(a: OutboundAction): OutboundAction {
  if (a.kind === 'file') return a;
  return { ...a, text: maskPersonalData(a.text) };
}
