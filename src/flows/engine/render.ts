import type { OutboundAction } from '../../core/events.js';
import { zh } from '../../text/zh.js';
import { askedFields, formatValue, type FieldSpec, type FormSpec } from './form.js';
import type { ConversationState } from './state.js';
import { llmText } from '../../text/llm.js';

/** How the engine's questions and summaries look in chat; platforms turn hints into buttons. */

/**
 * The question for one box. With the draft, it also says what the box holds now ("现为「…」，不改请
 * 回复「不变」": after 上一步, 修改 or a reopened record) and what a reader guessed for it, so every
 * kind of box can be kept or agreed to without retyping.
 */
export function promptFor(form: FormSpec, index: number, state?: ConversationState): OutboundAction {
  const field = form.fields[index]!;
  const asked = askedFields(form);
  const pos = asked.indexOf(field);
  const ask =
    pos === -1
      ? zh.engine.extraPrompt(field.label, field.prompt)
      : zh.engine.fieldPrompt(pos + 1, asked.length, field.label, field.prompt, field.optional === true);
  const value = state?.values[field.key];
  const guess = state?.guesses?.[field.key];
  const guessShown = guess === undefined ? undefined : shownValue(field, guess);
  const lines = [
    ...(guessShown === undefined ? [] : [llmText.draft.suggestion(guessShown)]),
    ask,
    ...(value === undefined || field.group ? [] : [zh.engine.current(shownValue(field, value))]),
  ];
  const text = lines.join('\n');
  const hints = [
    ...(guessShown === undefined ? [] : [zh.words.agree[0]]),
    ...(value === undefined || field.group ? [] : [zh.group.words.keep[0]]),
    zh.words.back[0],
    ...(field.optional ? [zh.words.skip[0]] : []),
    zh.words.cancel[0],
  ];
  if (field.choices && !field.group) {
    const choices = field.choices.map((c) => ({ label: c, value: c }));
    // A guessed 其他：… is offered as a button of its own, beside the printed choices.
    const extra = guessShown !== undefined && !field.choices.includes(guessShown) ? [{ label: guessShown, value: guessShown }] : [];
    return { kind: 'choices', text, choices: [...extra, ...choices], hints };
  }
  return { kind: 'text', text, hints };
}

export function shownValue(field: FieldSpec, v: unknown): string {
  if (field.group && Array.isArray(v)) {
    if (v.length === 0) return zh.group.count(0, field.group.noun);
    const rows = v.map((row, i) => `   ${zh.group.rowLine(field.group!.noun, i + 1, rowText(field, row as Record<string, unknown>))}`);
    return [zh.group.count(v.length, field.group.noun), ...rows].join('\n');
  }
  return formatValue(field, v);
}

/** One row of a group as a line: its filled columns, joined. */
export function rowText(field: FieldSpec, row: Record<string, unknown>): string {
  return field
    .group!.columns.filter((c) => row[c.key] !== undefined)
    .map((c) => `${c.label} ${formatValue(c, row[c.key])}`)
    .join('，');
}

function line(field: FieldSpec, i: number, state: ConversationState): string {
  const v = state.values[field.key];
  const guess = state.guesses?.[field.key];
  const shown =
    v !== undefined
      ? shownValue(field, v)
      : guess !== undefined
        ? llmText.draft.guess(shownValue(field, guess))
        : state.skipped.includes(field.key)
          ? zh.engine.skipped
          : field.ask === false
            ? zh.engine.extraEmpty(i + 1)
            : zh.engine.empty;
  return `${i + 1}. ${field.label}：${shown}`;
}

export function review(form: FormSpec, state: ConversationState): OutboundAction {
  const lines = form.fields.map((f, i) => line(f, i, state));
  const warnings = form.checks?.(state.values) ?? [];
  return {
    kind: 'text',
    text: [
      state.amend ? zh.engine.reviewAmendTitle(form.title, state.draftId.slice(0, 8)) : zh.engine.reviewTitle(form.title),
      ...lines,
      ...warnings.map((w) => `⚠️ ${w}`),
      zh.engine.reviewFooter,
    ].join('\n'),
    hints: [zh.words.confirm[0], zh.words.edit[0], zh.words.cancel[0]],
  };
}

export function draft(form: FormSpec, state: ConversationState): OutboundAction {
  const lines = form.fields.map((f, i) => line(f, i, state));
  return { kind: 'text', text: [zh.engine.draftTitle(form.title), ...lines].join('\n') };
}

export const say = (text: string): OutboundAction => ({ kind: 'text', text });
