import type { OutboundAction } from '../../core/events.js';
import { formatValue, type FormSpec } from '../engine/form.js';
import { enterGroup } from '../engine/group.js';
import { promptFor, review, say } from '../engine/render.js';
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
 * (`unsure`) are shown in the draft but left open, so the engine asks for them in turn like any empty
 * box; the first question offers its guess as the answer to tap. Nothing is saved here: the engine
 * saves only on the user's 确认 at the review, exactly as for a typed form.
 */
export function startDraft(form: FormSpec, x: Extraction, o: DraftOptions): DraftStart {
  const unsure = new Set(x.unsure);
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x.values)) if (!unsure.has(k)) values[k] = v;
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
  };
  const intro = llmText.draft.intro(form.title, x.source === 'llm');
  const open = form.fields.map((f, i) => ({ f, i })).filter(({ f }) => f.ask !== false && values[f.key] === undefined);
  if (open.length === 0) {
    const state = { ...base, cursor: REVIEW };
    return { state, replies: [say(`${intro}\n${llmText.draft.complete}`), review(form, state)] };
  }
  const lines = form.fields
    .filter((f) => f.ask !== false || x.values[f.key] !== undefined)
    .map((f) => {
      const v = x.values[f.key];
      const shown = v === undefined ? '（未填）' : unsure.has(f.key) ? llmText.draft.guess(formatValue(f, v)) : formatValue(f, v);
      return `${form.fields.indexOf(f) + 1}. ${f.label}：${shown}`;
    });
  const summary = say([intro, ...lines, llmText.draft.asking(open.map(({ f }) => f.label))].join('\n'));
  const first = open[0]!;
  const state = { ...base, cursor: first.i };
  if (first.f.group) {
    const g = enterGroup(form, state);
    return { state: g.state, replies: [summary, ...g.replies] };
  }
  return { state, replies: [summary, withGuess(promptFor(form, first.i), first.f.key, form, x)] };
}

/** The question for a box the reader guessed: the guess first, offered as a reply to tap. */
function withGuess(prompt: OutboundAction, key: string, form: FormSpec, x: Extraction): OutboundAction {
  const field = form.fields.find((f) => f.key === key)!;
  const v = x.values[key];
  if (v === undefined || prompt.kind === 'file') return prompt;
  const guess = formatValue(field, v);
  const text = `${llmText.draft.suggestion(guess)}\n${prompt.text}`;
  if (prompt.kind === 'choices') {
    const known = prompt.choices.some((c) => c.value === guess);
    return { ...prompt, text, choices: known ? prompt.choices : [{ label: guess, value: guess }, ...prompt.choices] };
  }
  return { ...prompt, text, hints: [guess, ...(prompt.hints ?? [])] };
}
