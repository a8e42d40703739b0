import { z } from 'zod';
import type { FieldSpec } from './form.js';
import { parseChoice } from './parsers/choice.js';
import { parseCount } from './parsers/count.js';
import { parseDate } from './parsers/date.js';
import { parseText } from './parsers/text.js';

/** Field builders: a form file names what each box is, these supply parser, schema and display. */
type Base = Pick<FieldSpec, 'key' | 'label' | 'prompt' | 'optional'>;

export const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export function dateField(base: Base): FieldSpec {
  return { ...base, parse: (t, ctx) => parseDate(t, ctx), schema: ISO_DATE };
}

export function countField(base: Base & { max?: number; unit?: string }): FieldSpec {
  const max = base.max ?? 100_000;
  return {
    ...base,
    parse: (t) => parseCount(t, max),
    schema: z.number().int().min(1).max(max),
    format: (v) => `${String(v)}${base.unit ?? ''}`,
  };
}

export function textField(base: Base & { max: number; min?: number }): FieldSpec {
  return {
    ...base,
    parse: (t) => parseText(t, { max: base.max, ...(base.min === undefined ? {} : { min: base.min }) }),
    schema: z.string().min(1),
  };
}

export function choiceField(base: Base & { choices: readonly string[]; allowOther?: boolean }): FieldSpec {
  const allowOther = base.allowOther ?? false;
  return {
    ...base,
    parse: (t) => parseChoice(t, base.choices, allowOther),
    schema: allowOther ? z.string().min(1) : z.enum(base.choices as [string, ...string[]]),
  };
}
