import { z } from 'zod';
import type { ParseContext, ParseResult } from './parsers/result.js';

/** One box of an official form: how to ask for it, read it, check it and show it back. */
export interface FieldSpec {
  key: string;
  /** The label as the seed document prints it; users may also type it after 修改. */
  label: string;
  prompt: string;
  optional?: boolean;
  choices?: readonly string[];
  parse(text: string, ctx: ParseContext): ParseResult<unknown>;
  /** Checked again on save and on every read from Redis, so a parser bug cannot store junk. */
  schema: z.ZodType;
  format?(value: unknown): string;
}

/** A form is data: the engine gives it back/skip/edit/review/cancel without per-form code. */
export interface FormSpec {
  id: string;
  title: string;
  /** Words that open the form; the first is shown in help. Text after it is a one-line entry. */
  triggers: readonly string[];
  fields: readonly FieldSpec[];
  /** Field whose value orders and filters records by date in indexes and exports. */
  dateField?: string;
  /** Built from the fields' schemas; validates a confirmed record's values. */
  valuesSchema: z.ZodObject;
}

export function defineForm(spec: Omit<FormSpec, 'valuesSchema'>): FormSpec {
  const shape: Record<string, z.ZodType> = {};
  for (const f of spec.fields) shape[f.key] = f.optional ? f.schema.optional() : f.schema;
  const keys = new Set(spec.fields.map((f) => f.key));
  if (keys.size !== spec.fields.length) throw new Error(`form ${spec.id}: duplicate field keys`);
  if (spec.dateField && !keys.has(spec.dateField)) throw new Error(`form ${spec.id}: unknown dateField`);
  return { ...spec, valuesSchema: z.object(shape).strict() };
}

export function formatValue(field: FieldSpec, value: unknown): string {
  if (field.format) return field.format(value);
  return String(value);
}
