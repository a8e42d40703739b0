import { randomUUID } from 'node:crypto';
import type { OutboundAction } from '../../core/events.js';
import { zh } from '../../text/zh.js';
import { acceptAttachment } from './attach.js';
import { parseEngineCommand, type EngineCommand } from './words.js';
import { askedFields, type FieldSpec, type FormSpec, type InboundAttachment } from './form.js';
import { columnPrompt, enterGroup, groupStep, menu } from './group.js';
import { normalizeInput } from '../../core/text.js';
import type { ParseContext } from '../parsers/result.js';
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
}

/**
 * The conversation engine as a pure function (state, input) → (state, replies, effects), as the
 * ANCHORS describe for Rasa/grammY forms. It performs no I/O: the dispatcher loads the state,
 * runs one step and stores the result atomically, so a crash between steps loses nothing.
 * Repeating groups (group.ts) and attachments (attach.ts) are field kinds, not per-form code.
 */
export class FlowEngine {
  private readonly forms: readonly FormSpec[];
  private readonly byId: Map<string, FormSpec>;
  private readonly timezone: string;
  private readonly newId: () => string;

  constructor(opts: FlowEngineOptions) {
    this.forms = opts.forms;
    this.byId = new Map(opts.forms.map((f) => [f.id, f]));
    this.timezone = opts.timezone;
    this.newId = opts.newId ?? randomUUID;
  }

  form(id: string): FormSpec | undefined {
    return this.byId.get(id);
  }

  /** True for messages the bot must answer in a group even when not @-mentioned. */
  isCommandWord(text: string): boolean {
    const s = normalizeInput(text);
    return this.matchTrigger(s) !== undefined || zh.words.help.some((w) => w === s);
  }

  step(state: ConversationState | null, input: StepInput): StepOutput {
    const text = normalizeInput(input.text);
    const ctx: ParseContext = { now: input.now, timezone: this.timezone };
    const form = state ? this.byId.get(state.form) : undefined;
    if (!state || !form) return this.idle(text, ctx, input);

    const cmd = parseEngineCommand(text);
    if (state.sub && state.cursor !== REVIEW && form.fields[state.cursor]?.group) {
      const g = groupStep(form, state, text, cmd, ctx);
      if (g.kind === 'stay') return { state: g.state, replies: g.replies };
      if (g.kind === 'done') {
        const next = this.advance(form, { ...g.state, sub: undefined }, g.state.cursor + 1);
        return { ...next, replies: [...g.replies, ...next.replies] };
      }
      return this.command(form, state, g.cmd);
    }
    // "修改了种植方案" names no field: while a field is being asked, it is that field's answer.
    const editsNothing = cmd?.kind === 'edit' && cmd.target !== '' && this.resolveField(form, cmd.target) === undefined;
    if (cmd && !(editsNothing && state.cursor !== REVIEW)) return this.command(form, state, cmd);
    if (this.matchTrigger(text)) return { state, replies: [say(zh.engine.alreadyOpen(form.title)), ...this.current(form, state)] };
    if (state.cursor === REVIEW) {
      const note = input.attachments?.length ? [say(zh.attach.atReview)] : [];
      return { state, replies: [...note, review(form, state)] };
    }
    return this.answer(form, state, text, ctx, input.attachments ?? []);
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

  private idle(text: string, ctx: ParseContext, input: StepInput): StepOutput {
    const hit = this.matchTrigger(text);
    if (hit) return this.start(hit.form, hit.rest, ctx, input);
    const cmd = parseEngineCommand(text);
    if (cmd?.kind === 'cancel') return { state: null, replies: [say(zh.engine.nothingToCancel)] };
    if (cmd?.kind === 'help') return { state: null, replies: [say(this.generalHelp())] };
    return { state: null, replies: [say(zh.engine.notUnderstood)] };
  }

  private generalHelp(): string {
    return zh.help.general(this.forms.map((f) => ({ title: f.title, trigger: f.triggers[0]! })));
  }

  private matchTrigger(text: string): { form: FormSpec; rest: string } | undefined {
    for (const form of this.forms) {
      for (const t of form.triggers) {
        if (text === t) return { form, rest: '' };
        if (text.startsWith(`${t} `)) return { form, rest: text.slice(t.length + 1).trim() };
      }
    }
    return undefined;
  }

  private start(form: FormSpec, rest: string, ctx: ParseContext, input: StepInput): StepOutput {
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
      const r = this.takeAttachment(form, fileField, state, input.attachments, rest, ctx);
      if (r.ok) state = r.state;
      else notes.push(say(zh.engine.invalid(fileField.label, r.reason)));
      rest = '';
    }
    if (!rest) {
      const first = this.nextOpen(form, state, 0);
      const opened = [say(zh.engine.started(form.title, askedFields(form).length)), ...notes];
      if (first === REVIEW) return { state: { ...state, cursor: REVIEW }, replies: [...opened, review(form, state)] };
      const landed = this.land(form, { ...state, cursor: first });
      return { state: landed.state, replies: [...opened, ...landed.replies] };
    }
    return this.oneLine(form, state, rest, ctx);
  }

  /**
   * "台账 2026年11月20日 光东村 技术培训 水稻育秧技术 45人 群众反映良好": tokens fill the plain asked
   * fields in order, surplus words join the last; what does not parse is asked for afterwards.
   */
  private oneLine(form: FormSpec, state: ConversationState, rest: string, ctx: ParseContext): StepOutput {
    const plain = askedFields(form).filter((f) => !f.group && !f.attachment);
    const tokens = rest.split(' ');
    const n = plain.length;
    if (tokens.length > n) tokens.splice(n - 1, tokens.length, tokens.slice(n - 1).join(' '));
    const failed: string[] = [];
    tokens.forEach((tok, i) => {
      const field = plain[i]!;
      const r = field.parse(tok, ctx);
      if (r.ok) state.values[field.key] = r.value;
      else failed.push(field.label);
    });
    const next = this.nextOpen(form, state, 0);
    const replies: OutboundAction[] = [];
    if (failed.length) replies.push(say(zh.engine.oneLineNote(failed)));
    if (next === REVIEW) return { state: { ...state, cursor: REVIEW }, replies: [...replies, review(form, state)] };
    const landed = this.land(form, { ...state, cursor: next });
    return { state: landed.state, replies: [...replies, ...landed.replies] };
  }

  private answer(
    form: FormSpec,
    state: ConversationState,
    text: string,
    ctx: ParseContext,
    attachments: readonly InboundAttachment[],
  ): StepOutput {
    const field = form.fields[state.cursor]!;
    if (field.attachment && attachments.length) {
      const r = this.takeAttachment(form, field, state, attachments, text, ctx);
      if (!r.ok) return { state, replies: [say(zh.engine.invalid(field.label, r.reason)), promptFor(form, state.cursor)] };
      return this.advance(form, r.state, state.cursor + 1);
    }
    if (attachments.length && !text) return { state, replies: [say(zh.attach.notHere(field.label)), promptFor(form, state.cursor)] };
    const r = field.parse(text, ctx);
    if (!r.ok) return { state, replies: [say(zh.engine.invalid(field.label, r.reason)), promptFor(form, state.cursor)] };
    const values = { ...state.values, [field.key]: r.value };
    const skipped = state.skipped.filter((k) => k !== field.key);
    return this.advance(form, { ...state, values, skipped }, state.cursor + 1);
  }

  /** Puts the first acceptable attachment into `field`; its caption fills the rule's captionTo box. */
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
      const values: Record<string, unknown> = { ...state.values, [field.key]: r.value };
      const to = field.attachment!.captionTo ? form.fields.find((f) => f.key === field.attachment!.captionTo) : undefined;
      if (to && caption && values[to.key] === undefined) {
        const c = to.parse(caption, ctx);
        if (c.ok) values[to.key] = c.value;
      }
      return { ok: true, state: { ...state, values, skipped: state.skipped.filter((k) => k !== field.key) } };
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

  /** Asks the field under the cursor; a repeating group opens its own menu or first row. */
  private land(form: FormSpec, state: ConversationState): { state: ConversationState; replies: OutboundAction[] } {
    if (state.cursor !== REVIEW && form.fields[state.cursor]?.group) return enterGroup(form, state);
    return { state: { ...state, sub: undefined }, replies: [promptFor(form, state.cursor)] };
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
    if (state.cursor === REVIEW) return [review(form, state)];
    const field = form.fields[state.cursor]!;
    if (field.group && state.sub) return [state.sub.mode === 'menu' ? menu(field, state) : columnPrompt(field, state)];
    if (field.group) return enterGroup(form, state).replies;
    return [promptFor(form, state.cursor)];
  }

  private command(form: FormSpec, state: ConversationState, cmd: EngineCommand): StepOutput {
    switch (cmd.kind) {
      case 'cancel':
        return { state: null, replies: [say(state.amend ? zh.engine.amendCancelled(form.title) : zh.engine.cancelled(form.title))] };
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
        if (state.cursor === REVIEW) return { state, replies: [review(form, state)] };
        const field = form.fields[state.cursor]!;
        if (!field.optional) return { state, replies: [say(zh.engine.cannotSkip(field.label)), ...this.current(form, state)] };
        const { [field.key]: _dropped, ...values } = state.values;
        const s = { ...state, values, skipped: [...new Set([...state.skipped, field.key])] };
        return this.advance(form, s, state.cursor + 1);
      }
      case 'edit': {
        const n = form.fields.length;
        if (!cmd.target) return { state, replies: [say(zh.engine.editWhich(n)), ...this.current(form, state)] };
        const idx = this.resolveField(form, cmd.target);
        if (idx === undefined) return { state, replies: [say(zh.engine.unknownField(cmd.target, n)), ...this.current(form, state)] };
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
        const values = form.valuesSchema.parse(state.values) as Record<string, unknown>;
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

  private resolveField(form: FormSpec, target: string): number | undefined {
    if (/^\d+$/.test(target)) {
      const i = Number(target) - 1;
      return i >= 0 && i < form.fields.length ? i : undefined;
    }
    const exactIdx = form.fields.findIndex((f) => f.label === target);
    if (exactIdx !== -1) return exactIdx;
    const partial = form.fields.findIndex((f) => f.label.includes(target) || target.includes(f.label));
    return partial === -1 ? undefined : partial;
  }
}
