import type { OutboundAction } from '../../core/events.js';
import { zh } from '../../text/zh.js';
import { askedFields, formatValue, type FieldSpec, type FormSpec } from './form.js';
import type { ConversationState } from './state.js';

/** How the engine's questions and summaries look in chat; platforms turn hints into buttons. */

export function promptFor(form: FormSpec, index: number): OutboundAction {
  const field = form.fields[index]!;
  const asked = askedFields(form);
  const pos = asked.indexOf(field);
  const text =
    pos === -1
      ? zh.engine.extraPrompt(field.label, field.prompt)
      : zh.engine.fieldPrompt(pos + 1, asked.length, field.label, field.prompt, field.optional === true);
  const hints = [zh.words.back[0], ...(field.optional ? [zh.words.skip[0]] : []), zh.words.cancel[0]];
  if (field.choices && !field.group) {
    return { kind: 'choices', text, choices: field.choices.map((c) => ({ label: c, value: c })), hints };
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
  const shown =
    v !== undefined
      ? shownValue(field, v)
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
