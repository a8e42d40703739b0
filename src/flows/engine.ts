import { randomUUID } from 'node:crypto';
import type { OutboundAction } from '../core/events.js';
import { zh } from '../text/zh.js';
import { parseEngineCommand, type EngineCommand } from './commands.js';
import type { FieldSpec, FormSpec } from './form.js';
import { normalizeInput, type ParseContext } from './parsers/result.js';
import { draft, promptFor, review, say } from './render.js';
import { REVIEW, STATE_VERSION, type ConversationState } from './state.js';

export interface StepInput {
  text: string;
  now: Date;
}

/** A confirmed form, ready to be stored; the id makes a second save of the same draft a no-op. */
export interface SaveEffect {
  form: string;
  id: string;
  values: Record<string, unknown>;
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
    if (!state || !form) return this.idle(text, ctx, input.now);

    const cmd = parseEngineCommand(text);
    // "修改了种植方案" names no field: while a field is being asked, it is that field's answer.
    const editsNothing = cmd?.kind === 'edit' && cmd.target !== '' && this.resolveField(form, cmd.target) === undefined;
    if (cmd && !(editsNothing && state.cursor !== REVIEW)) return this.command(form, state, cmd);
    if (this.matchTrigger(text)) return { state, replies: [say(zh.engine.alreadyOpen(form.title)), this.current(form, state)] };
    if (state.cursor === REVIEW) return { state, replies: [review(form, state)] };
    return this.answer(form, state, text, ctx);
  }

  private idle(text: string, ctx: ParseContext, now: Date): StepOutput {
    const hit = this.matchTrigger(text);
    if (hit) return this.start(hit.form, hit.rest, ctx, now);
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

  private start(form: FormSpec, rest: string, ctx: ParseContext, now: Date): StepOutput {
    const state: ConversationState = {
      v: STATE_VERSION,
      form: form.id,
      draftId: this.newId(),
      cursor: 0,
      values: {},
      skipped: [],
      returnToReview: false,
      startedAt: now.getTime(),
    };
    if (!rest) return { state, replies: [say(zh.engine.started(form.title, form.fields.length)), promptFor(form, 0)] };
    return this.oneLine(form, state, rest, ctx);
  }

  /**
   * "台账 2026年11月20日 光东村 技术培训 水稻育秧技术 45人 群众反映良好": tokens fill fields in
   * order, surplus words join the last field; what does not parse is asked for afterwards.
   */
  private oneLine(form: FormSpec, state: ConversationState, rest: string, ctx: ParseContext): StepOutput {
    const tokens = rest.split(' ');
    const n = form.fields.length;
    if (tokens.length > n) tokens.splice(n - 1, tokens.length, tokens.slice(n - 1).join(' '));
    const failed: string[] = [];
    tokens.forEach((tok, i) => {
      const field = form.fields[i]!;
      const r = field.parse(tok, ctx);
      if (r.ok) state.values[field.key] = r.value;
      else failed.push(field.label);
    });
    const next = this.nextOpen(form, state, 0);
    const replies: OutboundAction[] = [];
    if (failed.length) replies.push(say(zh.engine.oneLineNote(failed)));
    if (next === REVIEW) return { state: { ...state, cursor: REVIEW }, replies: [...replies, review(form, state)] };
    return { state: { ...state, cursor: next }, replies: [...replies, promptFor(form, next)] };
  }

  private answer(form: FormSpec, state: ConversationState, text: string, ctx: ParseContext): StepOutput {
    const field = form.fields[state.cursor]!;
    const r = field.parse(text, ctx);
    if (!r.ok) return { state, replies: [say(zh.engine.invalid(field.label, r.reason)), promptFor(form, state.cursor)] };
    const values = { ...state.values, [field.key]: r.value };
    const skipped = state.skipped.filter((k) => k !== field.key);
    return this.advance(form, { ...state, values, skipped }, state.cursor + 1);
  }

  /** Moves to the next unanswered field after `from` (wrapping), or to the review when none is left. */
  private advance(form: FormSpec, state: ConversationState, from: number): StepOutput {
    const next = state.returnToReview ? this.firstMissingRequired(form, state) : this.nextOpen(form, state, from);
    if (next === REVIEW) {
      const s = { ...state, cursor: REVIEW, returnToReview: false };
      return { state: s, replies: [review(form, s)] };
    }
    return { state: { ...state, cursor: next }, replies: [promptFor(form, next)] };
  }

  private isOpen(state: ConversationState, f: FieldSpec): boolean {
    return state.values[f.key] === undefined && !state.skipped.includes(f.key);
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

  private current(form: FormSpec, state: ConversationState): OutboundAction {
    return state.cursor === REVIEW ? review(form, state) : promptFor(form, state.cursor);
  }

  private command(form: FormSpec, state: ConversationState, cmd: EngineCommand): StepOutput {
    switch (cmd.kind) {
      case 'cancel':
        return { state: null, replies: [say(zh.engine.cancelled(form.title))] };
      case 'help':
        return { state, replies: [say(zh.help.inForm(form.title)), this.current(form, state)] };
      case 'view':
        // At the review the review already is the whole draft.
        if (state.cursor === REVIEW) return { state, replies: [review(form, state)] };
        return { state, replies: [draft(form, state), promptFor(form, state.cursor)] };
      case 'back': {
        if (state.cursor === 0) return { state, replies: [say(zh.engine.atFirst), promptFor(form, 0)] };
        const prev = state.cursor === REVIEW ? form.fields.length - 1 : state.cursor - 1;
        const s = { ...state, cursor: prev, returnToReview: false };
        return { state: s, replies: [promptFor(form, prev)] };
      }
      case 'skip': {
        if (state.cursor === REVIEW) return { state, replies: [review(form, state)] };
        const field = form.fields[state.cursor]!;
        if (!field.optional) return { state, replies: [say(zh.engine.cannotSkip(field.label)), promptFor(form, state.cursor)] };
        const { [field.key]: _dropped, ...values } = state.values;
        const s = { ...state, values, skipped: [...new Set([...state.skipped, field.key])] };
        return this.advance(form, s, state.cursor + 1);
      }
      case 'edit': {
        const n = form.fields.length;
        if (!cmd.target) return { state, replies: [say(zh.engine.editWhich(n)), this.current(form, state)] };
        const idx = this.resolveField(form, cmd.target);
        if (idx === undefined) return { state, replies: [say(zh.engine.unknownField(cmd.target, n)), this.current(form, state)] };
        const s = { ...state, cursor: idx, returnToReview: state.cursor === REVIEW || state.returnToReview };
        return { state: s, replies: [promptFor(form, idx)] };
      }
      case 'confirm': {
        const missing = form.fields.filter((f) => !f.optional && state.values[f.key] === undefined);
        if (missing.length) {
          return { state, replies: [say(zh.engine.missing(missing.map((f) => f.label))), this.current(form, state)] };
        }
        const values = form.valuesSchema.parse(state.values) as Record<string, unknown>;
        return {
          state: null,
          replies: [say(zh.engine.saved(form.title, state.draftId.slice(0, 8)))],
          save: { form: form.id, id: state.draftId, values },
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
