import { randomUUID } from 'node:crypto';
import type { OutboundAction } from '../../core/events.js';
import { zh } from '../../text/zh.js';
import { acceptAttachment } from './attach.js';
import { isWord, parseEngineCommand, type EngineCommand } from './words.js';
import { askedFields, fitField, readField, type FieldSpec, type FormSpec, type InboundAttachment } from './form.js';
import { columnPrompt, enterGroup, groupStep, menu } from './group.js';
import { joinTyped, normalizeInput, typedText, typedWords, type TypedWord } from '../../core/text.js';
import type { ParseContext } from '../parsers/result.js';
import { placeWords } from './one-line.js';
import { draft, promptFor, review, say } from './render.js';
import { REVIEW, STATE_VERSION, type ConversationState } from './state.js';

export interface StepInput {
  text: string;
  now: Date;
  /** Files and photos sent with the message, already stored and sniffed by the dispatcher. */
  attachments?: readonly InboundAttachment[];
}

/** A confirmed form, ready to be stored; the id makes a second save of the same draft a no-op. */
export interface SaveEffect {
  form: string;
  id: string;
  values: Record<string, unknown>;
  /** Set when a stored record was reopened: saved as a new revision only if still at `rev`. */
  amend?: { rev: number };
}

export interface StepOutput {
  state: ConversationState | null;
  replies: OutboundAction[];
  save?: SaveEffect;
}

export interface FlowEngineOptions {
  forms: readonly FormSpec[];
  timezone: string;
  newId?: () => string;
  /**
   * How long 恢复 can bring back a draft 取消 threw away: the conversation's TTL, counted from the
   * 取消 (later messages refresh the state key, not this window). Default: seven days.
   */
  keepDiscardedMs?: number;
}

/** Longer than any answer a form takes (the longest box is 2,000 字 with its line breaks): refused unread. */
export const MESSAGE_INPUT_CAP = 12_000;
/** 取消 asks first when more boxes than this are filled: retyping them would cost more than a question. */
export const CANCEL_ASK_ABOVE = 6;

/**
 * The conversation engine as a pure function (state, input) → (state, replies, effects), as the
 * ANCHORS describe for Rasa/grammY forms. It performs no I/O: the dispatcher loads the state,
 * runs one step and stores the result atomically, so a crash between steps loses nothing.
 * Repeating groups (group.ts) and attachments (attach.ts) are field kinds, not per-form code.
 *
 * What is stored is what was typed (trimmed at the ends): the text is normalised only to recognise
 * commands, choices and numbers, and each field's parser gets the message as typed.
 */
export class FlowEngine {
  private readonly forms: readonly FormSpec[];
  private readonly byId: Map<string, FormSpec>;
  private readonly timezone: string;
  private readonly newId: () => string;
  private readonly keepDiscardedMs: number;

  constructor(opts: FlowEngineOptions) {
    this.forms = opts.forms;
    this.byId = new Map(opts.forms.map((f) => [f.id, f]));
    this.timezone = opts.timezone;
    this.newId = opts.newId ?? randomUUID;
    this.keepDiscardedMs = opts.keepDiscardedMs ?? 7 * 86_400_000;
  }

  /** The state to keep for a conversation that holds only a discarded draft: null once 恢复's window has passed. */
  stillKept(state: ConversationState | null, now: Date): ConversationState | null {
    if (!state || state.discardedAt === undefined) return state;
    return now.getTime() - state.discardedAt > this.keepDiscardedMs ? null : state;
  }

  form(id: string): FormSpec | undefined {
    return this.byId.get(id);
  }

  /** True for messages the bot must answer in a group even when not @-mentioned. */
  isCommandWord(text: string): boolean {
    if (text.length > MESSAGE_INPUT_CAP) return false;
    const s = normalizeInput(text);
    return this.matchTrigger(typedWords(text)) !== undefined || zh.words.help.some((w) => w === s);
  }

  /**
   * One step. Never throws on what a person sends: a message no rule expected gets the current
   * question again (with a short apology), and the draft stays as it was.
   */
  step(state: ConversationState | null, input: StepInput): StepOutput {
    try {
      return this.stepChecked(state, input);
    } catch {
      return this.recover(state);
    }
  }

  private recover(state: ConversationState | null): StepOutput {
    try {
      const form = state ? this.byId.get(state.form) : undefined;
      const again = state && form && state.discardedAt === undefined ? this.current(form, state) : [];
      return { state, replies: [say(zh.engine.crashed), ...again] };
    } catch {
      return { state, replies: [say(zh.engine.crashed)] };
    }
  }

  private stepChecked(state: ConversationState | null, input: StepInput): StepOutput {
    const form = state ? this.byId.get(state.form) : undefined;
    if (input.text.length > MESSAGE_INPUT_CAP) {
      const open = state && form && state.discardedAt === undefined;
      return { state, replies: [say(zh.engine.tooLong), ...(open ? this.current(form, state) : [])] };
    }
    const text = normalizeInput(input.text);
    const ctx: ParseContext = { now: input.now, timezone: this.timezone };
    if (!state || !form) return this.idle(text, input, ctx, null);
    if (state.discardedAt !== undefined) return this.idle(text, input, ctx, this.stillKept(state, input.now));
    if (state.cancelAsked) {
      const s: ConversationState = { ...state, cancelAsked: undefined };
      if (isWord(zh.words.cancelYes, text)) return this.discard(form, s, input.now);
      return this.inForm(form, s, text, input, ctx);
    }
    return this.inForm(form, state, text, input, ctx);
  }

  private inForm(form: FormSpec, state: ConversationState, text: string, input: StepInput, ctx: ParseContext): StepOutput {
    const typed = typedText(input.text);
    const cmd = parseEngineCommand(text);
    if (state.sub && state.cursor !== REVIEW && form.fields[state.cursor]?.group) {
      const g = groupStep(form, state, typed, cmd, ctx);
      if (g.kind === 'stay') return { state: g.state, replies: g.replies };
      if (g.kind === 'done') {
        const next = this.advance(form, { ...g.state, sub: undefined }, g.state.cursor + 1);
        return { ...next, replies: [...g.replies, ...next.replies] };
      }
      return this.command(form, state, g.cmd, input.now);
    }
    const field = state.cursor === REVIEW ? undefined : form.fields[state.cursor];
    // A guess shown with the question ("我理解为「现场指导」") is accepted by 对/是/好…, 确认 included.
    if (field && state.guesses?.[field.key] !== undefined && isWord(zh.words.agree, text) && !field.choices?.includes(text)) {
      return this.accept(form, state, field, state.guesses[field.key]);
    }
    // "不变" (or a yes) keeps what the box holds after 上一步, 修改 or a reopened record.
    if (field && state.values[field.key] !== undefined && (isWord(zh.group.words.keep, text) || isWord(zh.words.agree, text))) {
      if (!field.choices?.includes(text)) return this.advance(form, state, state.cursor + 1);
    }
    // "修改了种植方案" names no field: while a field is being asked, it is that field's answer. A number
    // always names one, so "修改 99" is never stored as an answer.
    const editsNothing = cmd?.kind === 'edit' && cmd.target !== '' && !cmd.byNumber && this.resolveField(form, cmd.target) === undefined;
    if (cmd && !(editsNothing && state.cursor !== REVIEW)) return this.command(form, state, cmd, input.now);
    if (this.matchTrigger(typedWords(input.text))) {
      return { state, replies: [say(zh.engine.alreadyOpen(form.title)), ...this.current(form, state)] };
    }
    if (state.cursor === REVIEW || !field) {
      const note = input.attachments?.length ? [say(zh.attach.atReview)] : [];
      return { state: { ...state, cursor: REVIEW }, replies: [...note, review(form, state)] };
    }
    // A bare yes where nothing was guessed, or 不变 where there is nothing to keep, is no answer:
    // "是的" or "不变" is never stored as 内容.
    if ((isWord(zh.words.yesOnly, text) || isWord(zh.group.words.keep, text)) && !field.choices?.includes(text)) {
      return { state, replies: [say(zh.engine.notAnAnswer(typed, field.label)), promptFor(form, state.cursor, state)] };
    }
    return this.answer(form, state, field, typed, ctx, input.attachments ?? []);
  }

  /**
   * Opens a stored record again for its author: the draft is the record (same id), at the review,
   * so 修改 N changes a box and 确认 stores a new revision. The caller checks who may reopen it.
   */
  reopen(
    formId: string,
    id: string,
    values: Record<string, unknown>,
    rev: number,
    now: Date,
    origin: { chatId: string; chatTitle: string },
  ): StepOutput {
    const form = this.byId.get(formId);
    if (!form) return { state: null, replies: [say(zh.engine.notUnderstood)] };
    const state: ConversationState = {
      v: STATE_VERSION,
      form: form.id,
      draftId: id,
      cursor: REVIEW,
      values: structuredClone(values),
      skipped: [],
      returnToReview: false,
      startedAt: now.getTime(),
      origin,
      amend: { rev },
    };
    return { state, replies: [say(zh.engine.reopened(form.title, id.slice(0, 8))), review(form, state)] };
  }

  /** The review of a draft as it stands (the dispatcher re-shows it after a refused 确认). */
  reviewOf(state: ConversationState): OutboundAction[] {
    const form = this.byId.get(state.form);
    return form ? this.current(form, state) : [];
  }

  /** No form open; `kept` is a draft 取消 threw away, which 恢复 brings back and anything else leaves be. */
  private idle(text: string, input: StepInput, ctx: ParseContext, kept: ConversationState | null): StepOutput {
    const hit = this.matchTrigger(typedWords(input.text));
    if (hit) return this.start(hit.form, hit.rest, ctx, input);
    const cmd = parseEngineCommand(text);
    const keptForm = kept ? this.byId.get(kept.form) : undefined;
    if (cmd?.kind === 'restore') {
      if (!kept || !keptForm) return { state: kept, replies: [say(zh.engine.nothingToRestore)] };
      const state: ConversationState = { ...kept, discardedAt: undefined, cancelAsked: undefined };
      return { state, replies: [say(zh.engine.restored(keptForm.title)), ...this.current(keptForm, state)] };
    }
    if (cmd?.kind === 'cancel') return { state: kept, replies: [say(zh.engine.nothingToCancel)] };
    if (cmd?.kind === 'help') return { state: kept, replies: [say(this.generalHelp())] };
    return { state: kept, replies: [say(zh.engine.notUnderstood)] };
  }

  private generalHelp(): string {
    return zh.help.general(this.forms.map((f) => ({ title: f.title, trigger: f.triggers[0]! })));
  }

  /** The form a message opens: its first word is a trigger; the words after it are a one-line entry. */
  private matchTrigger(words: readonly TypedWord[]): { form: FormSpec; rest: TypedWord[] } | undefined {
    const first = words[0]?.norm;
    if (first === undefined) return undefined;
    for (const form of this.forms) {
      if (form.triggers.includes(first)) return { form, rest: words.slice(1) };
    }
    return undefined;
  }

  private start(form: FormSpec, rest: TypedWord[], ctx: ParseContext, input: StepInput): StepOutput {
    let state: ConversationState = {
      v: STATE_VERSION,
      form: form.id,
      draftId: this.newId(),
      cursor: 0,
      values: {},
      skipped: [],
      returnToReview: false,
      startedAt: input.now.getTime(),
    };
    const notes: OutboundAction[] = [];
    // A photo sent with the trigger as its caption ("展览" + file) fills the form's file box at once.
    const fileField = form.fields.find((f) => f.attachment);
    if (fileField && input.attachments?.length) {
      const caption = joinTyped(rest);
      const r = this.takeAttachment(form, fileField, state, input.attachments, caption, ctx);
      if (r.ok) state = r.state;
      else notes.push(say(zh.engine.invalid(fileField.label, r.reason)));
      rest = [];
    }
    if (!rest.length) {
      const first = this.nextOpen(form, state, 0);
      const opened = [say(zh.engine.started(form.title, askedFields(form).length)), ...notes];
      if (first === REVIEW) return { state: { ...state, cursor: REVIEW }, replies: [...opened, review(form, state)] };
      const landed = this.land(form, { ...state, cursor: first });
      return { state: landed.state, replies: [...opened, ...landed.replies] };
    }
    return this.oneLine(form, state, rest, ctx);
  }

  /**
   * "台账 光东村 昨天 45人 技术培训": values of an unmistakable kind go to their box wherever they
   * stand, the rest fill the remaining boxes in order (one-line.ts); only what is missing is asked.
   */
  private oneLine(form: FormSpec, state: ConversationState, rest: TypedWord[], ctx: ParseContext): StepOutput {
    const plain = askedFields(form).filter((f) => !f.group && !f.attachment);
    const placed = placeWords(plain, rest, ctx);
    const values = { ...state.values };
    for (const [key, v] of placed.values) values[key] = v;
    const s = { ...state, values };
    const next = this.nextOpen(form, s, 0);
    const replies: OutboundAction[] = [];
    if (placed.failed.length) replies.push(say(zh.engine.oneLineNote(placed.failed)));
    if (placed.unplaced.length) replies.push(say(zh.engine.oneLineUnplaced(placed.unplaced)));
    if (next === REVIEW) return { state: { ...s, cursor: REVIEW }, replies: [...replies, review(form, s)] };
    const landed = this.land(form, { ...s, cursor: next });
    return { state: landed.state, replies: [...replies, ...landed.replies] };
  }

  private answer(
    form: FormSpec,
    state: ConversationState,
    field: FieldSpec,
    typed: string,
    ctx: ParseContext,
    attachments: readonly InboundAttachment[],
  ): StepOutput {
    if (field.attachment && attachments.length) {
      const r = this.takeAttachment(form, field, state, attachments, typed, ctx);
      if (!r.ok) return { state, replies: [say(zh.engine.invalid(field.label, r.reason)), promptFor(form, state.cursor, state)] };
      return this.advance(form, r.state, state.cursor + 1);
    }
    if (attachments.length && !typed) {
      return { state, replies: [say(zh.attach.notHere(field.label)), promptFor(form, state.cursor, state)] };
    }
    const r = readField(field, typed, ctx);
    if (!r.ok) return { state, replies: [say(zh.engine.invalid(field.label, r.reason)), promptFor(form, state.cursor, state)] };
    return this.advance(form, withValue(state, field.key, r.value), state.cursor + 1);
  }

  /** The guess agreed to: stored as if typed (it was read by the field's parser when it was guessed). */
  private accept(form: FormSpec, state: ConversationState, field: FieldSpec, guess: unknown): StepOutput {
    const r = fitField(field, { ok: true, value: guess });
    if (!r.ok) {
      // A guess from an older form version no longer fits: drop it and ask plainly.
      const s = { ...state, guesses: without(state.guesses, field.key) };
      return { state: s, replies: [say(zh.engine.invalid(field.label, r.reason)), promptFor(form, s.cursor, s)] };
    }
    return this.advance(form, withValue(state, field.key, r.value), state.cursor + 1);
  }

  /** Puts the first acceptable attachment into `field`; its caption (as typed) fills the rule's captionTo box. */
  private takeAttachment(
    form: FormSpec,
    field: FieldSpec,
    state: ConversationState,
    attachments: readonly InboundAttachment[],
    caption: string,
    ctx: ParseContext,
  ): { ok: true; state: ConversationState } | { ok: false; reason: string } {
    let reason = '';
    for (const att of attachments) {
      const r = acceptAttachment(field.attachment!, att);
      if (!r.ok) {
        reason = r.reason;
        continue;
      }
      let s = withValue(state, field.key, r.value);
      const to = field.attachment!.captionTo ? form.fields.find((f) => f.key === field.attachment!.captionTo) : undefined;
      if (to && caption && s.values[to.key] === undefined) {
        const c = readField(to, caption, ctx);
        if (c.ok) s = withValue(s, to.key, c.value);
      }
      return { ok: true, state: s };
    }
    return { ok: false, reason };
  }

  /** Moves to the next unanswered field after `from` (wrapping), or to the review when none is left. */
  private advance(form: FormSpec, state: ConversationState, from: number): StepOutput {
    const next = state.returnToReview ? this.firstMissingRequired(form, state) : this.nextOpen(form, state, from);
    if (next === REVIEW) {
      const s = { ...state, cursor: REVIEW, returnToReview: false, sub: undefined };
      return { state: s, replies: [review(form, s)] };
    }
    return this.land(form, { ...state, cursor: next, sub: undefined });
  }

  /** Asks the field under the cursor, with what it holds now; a repeating group opens its own menu or first row. */
  private land(form: FormSpec, state: ConversationState): { state: ConversationState; replies: OutboundAction[] } {
    if (state.cursor !== REVIEW && form.fields[state.cursor]?.group) return enterGroup(form, state);
    return { state: { ...state, sub: undefined }, replies: [promptFor(form, state.cursor, state)] };
  }

  private isOpen(state: ConversationState, f: FieldSpec): boolean {
    return f.ask !== false && state.values[f.key] === undefined && !state.skipped.includes(f.key);
  }

  private nextOpen(form: FormSpec, state: ConversationState, from: number): number {
    const n = form.fields.length;
    for (let k = 0; k < n; k++) {
      const i = (from + k) % n;
      if (this.isOpen(state, form.fields[i]!)) return i;
    }
    return REVIEW;
  }

  private firstMissingRequired(form: FormSpec, state: ConversationState): number {
    const i = form.fields.findIndex((f) => !f.optional && state.values[f.key] === undefined);
    return i === -1 ? REVIEW : i;
  }

  private current(form: FormSpec, state: ConversationState): OutboundAction[] {
    const field = state.cursor === REVIEW ? undefined : form.fields[state.cursor];
    if (!field) return [review(form, state)];
    if (field.group && state.sub) return [state.sub.mode === 'menu' ? menu(field, state) : columnPrompt(field, state)];
    if (field.group) return enterGroup(form, state).replies;
    return [promptFor(form, state.cursor, state)];
  }

  /** 取消: a long new draft is asked about once; then the draft is kept aside for 恢复, no form open. */
  private cancel(form: FormSpec, state: ConversationState, now: Date): StepOutput {
    const filled = form.fields.filter((f) => state.values[f.key] !== undefined).length;
    if (!state.amend && filled > CANCEL_ASK_ABOVE)
      return { state: { ...state, cancelAsked: true }, replies: [say(zh.engine.cancelAsk(filled))] };
    return this.discard(form, state, now);
  }

  private discard(form: FormSpec, state: ConversationState, now: Date): StepOutput {
    const kept: ConversationState = { ...state, cancelAsked: undefined, discardedAt: now.getTime() };
    return { state: kept, replies: [say(state.amend ? zh.engine.amendCancelled(form.title) : zh.engine.cancelled(form.title))] };
  }

  private command(form: FormSpec, state: ConversationState, cmd: EngineCommand, now: Date): StepOutput {
    switch (cmd.kind) {
      case 'cancel':
        return this.cancel(form, state, now);
      case 'restore':
        return { state, replies: [say(zh.engine.restoreWhileOpen(form.title)), ...this.current(form, state)] };
      case 'help':
        return { state, replies: [say(zh.help.inForm(form.title)), ...this.current(form, state)] };
      case 'view':
        // At the review the review already is the whole draft.
        if (state.cursor === REVIEW) return { state, replies: [review(form, state)] };
        return { state, replies: [draft(form, state), ...this.current(form, state)] };
      case 'back': {
        const asked = form.fields.map((f, i) => (f.ask === false ? -1 : i)).filter((i) => i >= 0);
        const pos = state.cursor === REVIEW ? asked.length : asked.indexOf(state.cursor);
        if (pos <= 0) return { state, replies: [say(zh.engine.atFirst), ...this.current(form, state)] };
        const landed = this.land(form, { ...state, cursor: asked[pos - 1]!, returnToReview: false });
        return { state: landed.state, replies: landed.replies };
      }
      case 'skip': {
        const field = state.cursor === REVIEW ? undefined : form.fields[state.cursor];
        if (!field) return { state, replies: [review(form, state)] };
        if (!field.optional) return { state, replies: [say(zh.engine.cannotSkip(field.label)), ...this.current(form, state)] };
        const { [field.key]: _dropped, ...values } = state.values;
        const s = { ...state, values, guesses: without(state.guesses, field.key), skipped: [...new Set([...state.skipped, field.key])] };
        return this.advance(form, s, state.cursor + 1);
      }
      case 'edit': {
        const n = askedFields(form).length;
        if (!cmd.target) return { state, replies: [say(zh.engine.editWhich(n)), ...this.current(form, state)] };
        const idx = this.resolveField(form, cmd.target);
        if (idx === undefined) {
          const why = cmd.byNumber ? zh.engine.noSuchField(Number(cmd.target), n) : zh.engine.unknownField(cmd.target, n);
          return { state, replies: [say(why), ...this.current(form, state)] };
        }
        const landed = this.land(form, { ...state, cursor: idx, returnToReview: state.cursor === REVIEW || state.returnToReview });
        return { state: landed.state, replies: landed.replies };
      }
      case 'confirm': {
        const missing = form.fields.filter((f) => !f.optional && state.values[f.key] === undefined);
        if (missing.length) {
          return { state, replies: [say(zh.engine.missing(missing.map((f) => f.label))), ...this.current(form, state)] };
        }
        const broken = form.rule?.(state.values);
        if (broken) return { state, replies: [say(zh.engine.ruleBroken(broken)), ...this.current(form, state)] };
        const parsed = form.valuesSchema.safeParse(state.values);
        if (!parsed.success) return this.unfit(form, state, parsed.error.issues[0]?.path[0]);
        const values = parsed.data as Record<string, unknown>;
        return {
          state: null,
          replies: [
            say(
              state.amend
                ? zh.engine.amended(form.title, state.draftId.slice(0, 8))
                : zh.engine.saved(form.title, state.draftId.slice(0, 8), form.triggers[0]!),
            ),
          ],
          save: { form: form.id, id: state.draftId, values, ...(state.amend ? { amend: state.amend } : {}) },
        };
      }
    }
  }

  /**
   * A value that no longer fits its box (a draft from before a form changed, a reopened record from
   * before a rule): the box is asked again instead of the save failing.
   */
  private unfit(form: FormSpec, state: ConversationState, key: PropertyKey | undefined): StepOutput {
    const idx = form.fields.findIndex((f) => f.key === key);
    if (idx === -1) return { state, replies: [say(zh.engine.crashed), review(form, state)] };
    const { [form.fields[idx]!.key]: _dropped, ...values } = state.values;
    const landed = this.land(form, { ...state, values, cursor: idx, returnToReview: true });
    return { state: landed.state, replies: [say(zh.engine.invalid(form.fields[idx]!.label, zh.reasons.required)), ...landed.replies] };
  }

  private resolveField(form: FormSpec, target: string): number | undefined {
    if (/^\d{1,6}$/.test(target)) {
      const i = Number(target) - 1;
      return i >= 0 && i < form.fields.length ? i : undefined;
    }
    const exactIdx = form.fields.findIndex((f) => f.label === target);
    if (exactIdx !== -1) return exactIdx;
    const partial = form.fields.findIndex((f) => f.label.includes(target) || target.includes(f.label));
    return partial === -1 ? undefined : partial;
  }
}

function withValue(state: ConversationState, key: string, value: unknown): ConversationState {
  return {
    ...state,
    values: { ...state.values, [key]: value },
    skipped: state.skipped.filter((k) => k !== key),
    guesses: without(state.guesses, key),
  };
}

function without(guesses: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
  if (!guesses || !Object.hasOwn(guesses, key)) return guesses;
  const { [key]: _gone, ...rest } = guesses;
  return Object.keys(rest).length ? rest : undefined;
}
