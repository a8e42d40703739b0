import { randomUUID } from 'node:crypto';
import type { FlowSettings } from './settings.js';
import type { AttachmentFetcher } from '../core/attachments.js';
import type { Clock } from '../core/clock.js';
import type { InboundEvent, OutboundAction, OutboundSink, ReplyTarget } from '../core/events.js';
import { chatKey, conversationKey, userKey } from '../core/ids.js';
import type { FlowEngine, SaveEffect, StepOutput } from './engine/engine.js';
import type { InboundAttachment } from './engine/form.js';
import { REVIEW, onlyDiscarded, openDraft, parseState, type ConversationState } from './engine/state.js';
import { isRestoreWord } from './engine/words.js';
import type { Logger } from '../log/logger.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { FormChecks } from '../domain/checks.js';
import type { BlobStore } from '../store/blobs.js';
import type { ClaimResult, ConversationStore, PreparedAmend, PreparedRecord } from '../store/conversations.js';
import type { RecordRepository } from '../store/records.js';
import { zh } from '../text/zh.js';
import type { CommandOutcome } from './commands/command.js';
import type { CommandRegistry } from './commands/registry.js';
import type { FreeText } from './freetext.js';
import { intakeAttachments } from './intake.js';

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
  config?: FlowSettings;
  /** Where attachment bytes are kept; without it, files sent in chat are not read. */
  blobs?: BlobStore;
  /** Checks of the official forms that need the store (名额, 一村一表, 800 小时, 关联村). */
  checks?: FormChecks;
  /** Voice notes and free-text reports into drafts (model or rules); absent: typed input only. */
  freeText?: FreeText;
}

/** One message as the step sees it: when, the draft it continues, and the group its records count for. */
interface Turn {
  ev: InboundEvent;
  state: ConversationState | null;
  now: Date;
  /** The draft's origin group when it was handed over to a private chat; else this chat. */
  home: { chatId: string; chatTitle: string };
  scope: { userKey: string; chatKey: string };
}

/** The message as heard (a voice note's words as its text) and what to say before the answer to it. */
type Heard = { turn: Turn; prefix: OutboundAction[] } | { reply: OutboundAction };

/** One step's outcome: what to store, what to say, and to whom else. */
interface StepResult {
  out: StepOutput;
  record?: PreparedRecord;
  amend?: PreparedAmend;
  unmasked?: boolean;
  notify?: CommandOutcome['notify'];
}

/**
 * The path of every chat message: claim the conversation in Redis (dedupe + order + lock), run one
 * engine step, commit state and any confirmed record atomically, then send the replies. Replies go
 * out only after the commit, so "已保存" is never said about something that is not stored.
 */
export class Dispatcher {
  private readonly sinks = new Map<string, OutboundSink>();
  private readonly fetchers = new Map<string, AttachmentFetcher>();
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
    const requireState = this.isChatter(ev);
    const token = randomUUID();
    const claim = await this.o.conversations.claim(
      conv,
      chatKey(ev.platform, ev.chat.id),
      ev.messageId,
      JSON.stringify(ev),
      token,
      requireState,
    );
    void this.track(this.follow(conv, token, claim, ev)).catch((err: unknown) => this.o.logger.error({ err, conv }, 'drain failed'));
    return claim.status === 'run' ? 'processed' : claim.status === 'empty' ? 'processed' : claim.status;
  }

  /**
   * Sends a message the bot starts itself (a reminder, a notice to a filer) into a chat, through the
   * same sinks and masking as replies.
   */
  async notify(target: ReplyTarget, actions: OutboundAction[]): Promise<void> {
    const sink = this.sinks.get(target.platform);
    if (!sink) throw new Error(`no sink registered for platform ${target.platform}`);
    await sink.send(target, actions.map(maskAction));
  }

  /** A group message not addressed to the bot and no command word: it matters only to an open form. */
  private isChatter(ev: InboundEvent): boolean {
    return ev.chat.kind === 'group' && !ev.addressed && !this.isCommandWord(ev.text);
  }

  private isCommandWord(text: string): boolean {
    return this.o.engine.isCommandWord(text) || this.o.commands?.match(text) !== undefined;
  }

  /** Adapters register how to download the bytes of attachments on their platform. */
  registerFetcher(platform: string, fetcher: AttachmentFetcher): void {
    this.fetchers.set(platform, fetcher);
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

  /** `own`: the message this process just claimed, used as is when it heads the inbox. */
  private async follow(conv: string, token: string, claim: ClaimResult, own?: InboundEvent): Promise<HandleStatus> {
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
        await this.drain(conv, token, claim.message ?? own ?? null, claim.state);
        return 'processed';
    }
  }

  /**
   * Checks back on a message queued behind another holder: soon (the holder usually drains it within
   * milliseconds, and then the inbox is empty), and again until the holder finishes or its lock
   * expires because it died. Waiting out the whole lock TTL would hold up idle() and shutdown.
   */
  private async retryLater(conv: string, waitMs: number): Promise<void> {
    await new Promise((r) => setTimeout(r, Math.min(waitMs, 100) + 5));
    const token = randomUUID();
    await this.follow(conv, token, await this.o.conversations.kick(conv, token));
  }

  private async drain(conv: string, token: string, first: string | InboundEvent | null, state: string | null): Promise<void> {
    if (first === null) throw new Error('claimed a conversation without a message to handle');
    let msg: string | InboundEvent | undefined = first;
    let st = state;
    while (msg !== undefined) {
      const ev: InboundEvent = typeof msg === 'string' ? (JSON.parse(msg) as InboundEvent) : msg;
      // A step may wait on a model or build a large export: keep the lock ours while it runs.
      const { out, record, amend, unmasked, notify } = await this.o.conversations.whileHolding(conv, token, () => this.runStep(ev, st));
      const stateJson = out.state ? JSON.stringify(out.state) : null;
      const res = amend
        ? await this.o.conversations.commitAmend(conv, token, stateJson, amend)
        : await this.o.conversations.commit(conv, token, stateJson, record);
      if (res.status === 'lost') {
        // Our lock expired mid-step and someone else is handling this message: say nothing.
        this.o.logger.warn({ conv }, 'conversation lock lost; step discarded');
        return;
      }
      const saved = record ?? amend?.record;
      if (res.saved === 'new' || res.saved === 'amended')
        this.o.logger.info({ form: saved?.form, id: saved?.id, chat: saved?.chatKey, saved: res.saved }, 'record saved');
      // A reopened record changed by someone else meanwhile is not overwritten: say so, not "已保存".
      const lostAmend = res.saved === 'conflict' || res.saved === 'gone';
      await this.send(ev, lostAmend ? [{ kind: 'text', text: zh.engine.amendLost }] : out.replies, unmasked === true);
      for (const n of notify ?? []) await this.deliver(n.target, n.actions);
      if (res.status === 'next') {
        msg = res.message;
        st = res.state;
      } else {
        msg = undefined;
      }
    }
  }

  /**
   * One message's step: hear a voice note, answer a command, draft a free-text report, step the
   * engine, run the store checks, prepare what to save; whatever throws, the draft is kept. A step
   * with nothing to wait for answers at once, not with a promise: the commit must reach Redis before
   * a group's next unaddressed message is claimed (claim ignores it while no draft is stored), so
   * the step takes no more microtask turns than it must (a few more fail the QQ "quick succession" test).
   */
  private async runStep(ev: InboundEvent, stateJson: string | null): Promise<StepResult> {
    const parsed = parseState(stateJson);
    // A state written by an older version of the form is dropped with a fresh start, not misread.
    const state = parsed === 'stale' ? null : parsed;
    // A draft 取消 threw away is kept (for 恢复) in the state key, so claim no longer ignores this user's group chatter: do it here.
    if (onlyDiscarded(state) && this.isChatter(ev) && !isRestoreWord(ev.text)) {
      return { out: { state: this.o.engine.stillKept(state, this.o.clock.now()), replies: [] } };
    }
    try {
      const heard = await this.hear(this.turnOf(ev, state));
      if ('reply' in heard) return { out: { state, replies: [heard.reply] } };
      const { turn, prefix } = heard;
      const command = this.runCommand(turn);
      if (command) return this.commandResult(await command, turn);
      const drafting = this.draftFreeText(turn);
      const drafted = drafting && (await drafting);
      if (drafted) return { out: { ...drafted, replies: [...prefix, ...drafted.replies] } };
      const fetcher = this.fetchers.get(turn.ev.platform);
      const attachments = turn.ev.attachments?.length ? await intakeAttachments(turn.ev, fetcher, this.o.blobs, this.o.logger) : [];
      const stepped = this.stepEngine(turn, attachments, prefix, parsed === 'stale');
      const checking = this.checkForm(turn, stepped);
      const out = checking ? await checking : stepped;
      if (!out.save) return { out };
      const { save } = out;
      return save.amend ? await this.prepareAmend(out, save, save.amend, turn) : this.prepareRecord(out, save, turn);
    } catch (error) {
      // A poison message must not jam the conversation: keep the draft as it was and move on.
      this.o.logger.error({ err: error, platform: ev.platform, chat: ev.chat.id }, 'step failed');
      return { out: { state, replies: [{ kind: 'text', text: zh.engine.crashed }] } };
    }
  }

  /** The step's clock reading and the group its records count for, read once so every step agrees. */
  private turnOf(ev: InboundEvent, state: ConversationState | null): Turn {
    const now = this.o.clock.now();
    const home = openDraft(state)?.origin ?? { chatId: ev.chat.id, chatTitle: ev.chat.title ?? '' };
    return { ev, state, now, home, scope: { userKey: userKey(ev.platform, ev.user.id), chatKey: chatKey(ev.platform, home.chatId) } };
  }

  /** A voice note becomes the text said in it, with a note of what was heard, so later steps read it as typed. */
  private hear(turn: Turn): Heard | Promise<Heard> {
    // Only a message with attachments can carry a voice note.
    if (!this.o.freeText || !turn.ev.attachments?.length) return { turn, prefix: [] };
    const fetcher = this.fetchers.get(turn.ev.platform);
    return this.o.freeText.voice(turn.ev, fetcher && ((a) => fetcher.fetch(a)), turn.scope).then((heard): Heard => {
      if (!heard || 'reply' in heard) return heard ?? { turn, prefix: [] };
      return { turn: { ...turn, ev: { ...turn.ev, text: heard.text } }, prefix: [heard.note] };
    });
  }

  /** A chat command answers before the form sees the message (its answer: commandResult). */
  private runCommand(turn: Turn): Promise<CommandOutcome | OutboundAction[]> | undefined {
    const cmd = this.o.commands?.match(turn.ev.text);
    if (!cmd || !this.o.config) return undefined;
    const { ev, now, state } = turn;
    return cmd.command.run({ ev, args: cmd.args, now, config: this.o.config, records: this.o.records, state: openDraft(state) });
  }

  /** With no draft open, a report written in one message becomes a draft at its review (model or rules). */
  private draftFreeText(turn: Turn): Promise<StepOutput | undefined> | undefined {
    if (openDraft(turn.state) || !this.o.freeText) return undefined;
    return this.o.freeText.draft(turn.ev.text, turn.now, turn.scope);
  }

  /** The form engine's own step over the text and the stored attachments; it knows nothing of the store. */
  private stepEngine(turn: Turn, attachments: InboundAttachment[], prefix: OutboundAction[], stale: boolean): StepOutput {
    let out = this.o.engine.step(turn.state, { text: turn.ev.text, now: turn.now, ...(attachments.length ? { attachments } : {}) });
    if (prefix.length) out = { ...out, replies: [...prefix, ...out.replies] };
    if (stale) out = { ...out, replies: [say(zh.engine.stale), ...out.replies] };
    return out;
  }

  /** The checks that need the store: at confirm they may refuse the save, at a fresh review they add notes. */
  private checkForm(turn: Turn, out: StepOutput): Promise<StepOutput> | undefined {
    const form = this.o.engine.form(out.save?.form ?? out.state?.form ?? '');
    const checks = this.o.checks;
    if (!form || !checks) return undefined;
    const ctx = { chatKey: turn.scope.chatKey, now: turn.now };
    if (out.save) {
      return checks.atConfirm(form, out.save, ctx).then((verdict) =>
        // Refused (quota full, a duplicate): the draft stays as it was, at the review.
        verdict.block && turn.state
          ? { state: turn.state, replies: [say(verdict.block), ...this.o.engine.reviewOf(turn.state)] }
          : { ...out, replies: [...out.replies, ...verdict.notes.map(say)] },
      );
    }
    if (out.state?.cursor !== REVIEW || !reviewShown(turn.state, out.state)) return undefined;
    return checks.atReview(form, out.state, ctx).then((notes) => ({ ...out, replies: [...out.replies, ...notes.map(say)] }));
  }

  /** A confirmed new draft as the record the commit stores together with the state. */
  private prepareRecord(out: StepOutput, save: SaveEffect, { ev, now, home, scope }: Turn): StepResult {
    const record = this.o.records.prepare(save.form, save.id, save.values, {
      platform: ev.platform,
      chatId: home.chatId,
      chatKey: scope.chatKey,
      chatTitle: home.chatTitle,
      userId: ev.user.id,
      userKey: scope.userKey,
      userName: ev.user.name,
      createdAt: now.toISOString(),
    });
    return { out, record };
  }

  /** A confirmed reopened record as the amendment the commit applies only if the stored revision is still `rev`. */
  private async prepareAmend(out: StepOutput, save: SaveEffect, { rev }: { rev: number }, turn: Turn): Promise<StepResult> {
    const current = await this.o.records.get(save.form, save.id);
    if (!current) return { out: { state: null, replies: [say(zh.engine.amendLost)] } };
    const by = { userKey: turn.scope.userKey, userName: turn.ev.user.name };
    return { out, amend: { ...this.o.records.prepareAmend(current, save.values, by, turn.now.toISOString()), expectRev: rev } };
  }

  /** A command's answer; 修改记录 opens the stored record as the user's draft. A query never touches the draft. */
  private commandResult(answer: CommandOutcome | OutboundAction[], { state, now }: Turn): StepResult {
    const r = Array.isArray(answer) ? { replies: answer } : answer;
    if (r.reopen && !openDraft(state)) {
      const { form, id, values, rev, origin } = r.reopen;
      return { out: this.o.engine.reopen(form, id, values, rev, now, origin) };
    }
    return { out: { state, replies: r.replies }, ...(r.unmasked ? { unmasked: true } : {}), ...(r.notify ? { notify: r.notify } : {}) };
  }

  private async send(ev: InboundEvent, actions: OutboundAction[], unmasked = false): Promise<void> {
    const target: ReplyTarget = { platform: ev.platform, chat: ev.chat, user: ev.user, replyToMessageId: ev.messageId };
    // Only a private chat may see full numbers, and only when the command allowed it (a coordinator).
    await this.deliver(target, actions, unmasked && ev.chat.kind === 'private');
  }

  private async deliver(target: ReplyTarget, actions: OutboundAction[], unmasked = false): Promise<void> {
    if (!actions.length) return;
    const sink = this.sinks.get(target.platform);
    if (!sink) {
      this.o.logger.error({ platform: target.platform }, 'no sink registered for platform; replies dropped');
      return;
    }
    try {
      await sink.send(target, unmasked ? actions : actions.map(maskAction));
    } catch (error) {
      this.o.logger.error({ err: error, platform: target.platform, chat: target.chat.id }, 'send failed');
    }
  }
}

const say = (text: string): OutboundAction => ({ kind: 'text', text });

/** The review is on screen now and was not before, or the draft changed while at it. */
function reviewShown(before: ConversationState | null, after: ConversationState): boolean {
  return before?.cursor !== REVIEW || JSON.stringify(before.values) !== JSON.stringify(after.values);
}

/** Personal numbers never reach a chat unmasked, whatever a form or user typed. */
function maskAction(a: OutboundAction): OutboundAction {
  if (a.kind === 'file') return a;
  return { ...a, text: maskPersonalData(a.text) };
}
