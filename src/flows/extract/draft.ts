import type { OutboundAction } from '../../core/events.js';
import type { FormSpec } from '../engine/form.js';
import { enterGroup } from '../engine/group.js';
import { draft, promptFor, review, say } from '../engine/render.js';
import { REVIEW, STATE_VERSION, type ConversationState } from '../engine/state.js';
import { llmText } from '../../text/llm.js';
import type { Extraction } from './extract.js';

export interface DraftStart {
  /** The user's draft, as the engine keeps it: the dispatcher stores it like any other step's state. */
  state: ConversationState;
  replies: OutboundAction[];
}

export interface DraftOptions {
  draftId: string;
  now: Date;
  /** The group the draft counts for, when it differs from the chat (see ConversationState.origin). */
  origin?: { chatId: string; chatTitle: string };
}

/**
 * Opens a draft from what was read in a free-text message. Values read plainly are filled; guesses
 * (`unsure`) are kept beside the draft (`state.guesses`), shown in it and with their question, and
 * stored only when the user agrees (对/是/好…) or types the real answer instead. Nothing is saved
 * here: the engine saves only on the user's 确认 at the review, exactly as for a typed form.
 */
export function startDraft(form: FormSpec, x: Extraction, o: DraftOptions): DraftStart {
  const unsure = new Set(x.unsure);
  const values: Record<string, unknown> = {};
  const guesses: Record<string, unknown> = {};
  for (const f of form.fields) {
    const v = x.values[f.key];
    if (v === undefined) continue;
    if (unsure.has(f.key)) guesses[f.key] = v;
    else values[f.key] = v;
  }
  const base: ConversationState = {
    v: STATE_VERSION,
    form: form.id,
    draftId: o.draftId,
    cursor: 0,
    values,
    skipped: [],
    returnToReview: false,
    startedAt: o.now.getTime(),
    ...(o.origin ? { origin: o.origin } : {}),
    ...(Object.keys(guesses).length ? { guesses } : {}),
  };
  const intro = llmText.draft.intro(form.title, x.source === 'llm');
  const open = form.fields.map((f, i) => ({ f, i })).filter(({ f }) => f.ask !== false && values[f.key] === undefined);
  if (open.length === 0) {
    const state = { ...base, cursor: REVIEW };
    return { state, replies: [say(`${intro}\n${llmText.draft.complete}`), review(form, state)] };
  }
  // The draft as the engine's 查看 shows it: every value read, guesses marked (待确认), the rest 未填.
  const shown = draft(form, base);
  const lines = shown.kind === 'file' ? [] : shown.text.split('\n').slice(1);
  const summary = say([intro, ...lines, llmText.draft.asking(open.map(({ f }) => f.label))].join('\n'));
  const first = open[0]!;
  const state = { ...base, cursor: first.i };
  if (first.f.group) {
    const g = enterGroup(form, state);
    return { state: g.state, replies: [summary, ...g.replies] };
  }
  return { state, replies: [summary, promptFor(form, first.i, state)] };
}
