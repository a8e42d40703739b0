import type { OutboundAction } from '../core/events.js';
import { zh } from '../text/zh.js';
import { formatValue, type FieldSpec, type FormSpec } from './form.js';
import type { ConversationState } from './state.js';

/** How the engine's questions and summaries look in chat; platforms turn hints into buttons. */

export function promptFor(form: FormSpec, index: number): OutboundAction {
  const field = form.fields[index]!;
  const text = zh.engine.fieldPrompt(index + 1, form.fields.length, field.label, field.prompt, field.optional === true);
  const hints = [zh.words.back[0], ...(field.optional ? [zh.words.skip[0]] : []), zh.words.cancel[0]];
  if (field.choices) {
    return { kind: 'choices', text, choices: field.choices.map((c) => ({ label: c, value: c })), hints };
  }
  return { kind: 'text', text, hints };
}

function line(field: FieldSpec, i: number, state: ConversationState): string {
  const v = state.values[field.key];
  const shown = v !== undefined ? formatValue(field, v) : state.skipped.includes(field.key) ? zh.engine.skipped : zh.engine.empty;
  return `${i + 1}. ${field.label}：${shown}`;
}

export function review(form: FormSpec, state: ConversationState): OutboundAction {
  const lines = form.fields.map((f, i) => line(f, i, state));
  return {
    kind: 'text',
    text: [zh.engine.reviewTitle(form.title), ...lines, zh.engine.reviewFooter].join('\n'),
    hints: [zh.words.confirm[0], zh.words.edit[0], zh.words.cancel[0]],
  };
}

export function draft(form: FormSpec, state: ConversationState): OutboundAction {
  const lines = form.fields.map((f, i) => line(f, i, state));
  return { kind: 'text', text: [zh.engine.draftTitle(form.title), ...lines].join('\n') };
}

export const say = (text: string): OutboundAction => ({ kind: 'text', text });
