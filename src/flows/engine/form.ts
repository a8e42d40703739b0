import { z } from 'zod';
import type { Attachment } from '../../core/events.js';
import type { SniffedFormat } from '../../core/sniff.js';
import type { FormRules } from '../../domain/forms.js';
import type { FormExports } from '../../documents/form-exports.js';
import type { ParseContext, ParseResult } from '../parsers/result.js';
import { zh } from '../../text/zh.js';

/** A stored attachment as a record keeps it: the bytes live in the attachment store under `id`. */
export interface AttachmentRef {
  /** sha256 of the bytes: the store's key, and a second upload of the same file is the same ref. */
  id: string;
  fileName: string;
  mime: string;
  size: number;
  /** What the bytes are, by their magic numbers, whatever the name or mime says. */
  format: SniffedFormat;
  width?: number;
  height?: number;
}

/** An attachment that arrived with a message, already stored and sniffed by the dispatcher. */
export interface InboundAttachment extends AttachmentRef {
  kind: Attachment['kind'];
}

/** What an attachment field accepts; checked on the sniffed facts, never on the file name alone. */
export interface AttachmentRule {
  kinds: readonly Attachment['kind'][];
  formats: readonly AttachmentRef['format'][];
  minBytes?: number;
  maxBytes?: number;
  /** The text sent with the file (a caption) fills this field, when it is still empty and valid. */
  captionTo?: string;
}

/** Rows of a repeating box (专家1, 专家2 …): each row is asked column by column. */
export interface GroupSpec {
  columns: readonly FieldSpec[];
  min: number;
  max: number;
  /** What one row is called in chat: 专家, 活动, 贫困村. */
  noun: string;
}

/** What a box holds, as the field builders (fields.ts) make it; the one-line entry places values by it. */
export type FieldKind =
  | 'text'
  | 'date'
  | 'count'
  | 'decimal'
  | 'age'
  | 'choice'
  | 'multi'
  | 'idcard'
  | 'phone'
  | 'email'
  | 'postcode'
  | 'region'
  | 'group'
  | 'attachment';

/** One box of an official form: how to ask for it, read it, check it and show it back. */
export interface FieldSpec {
  key: string;
  /** Set by every builder in fields.ts; a hand-made field without it is read as text would be. */
  kind?: FieldKind;
  /** The label as the seed document prints it; users may also type it after 修改. */
  label: string;
  prompt: string;
  optional?: boolean;
  choices?: readonly string[];
  /** false: not asked in turn, offered at the review instead (an extra such as the ledger's 时长). */
  ask?: boolean;
  group?: GroupSpec;
  attachment?: AttachmentRule;
  parse(text: string, ctx: ParseContext): ParseResult<unknown>;
  /** Checked again on save and on every read from Redis, so a parser bug cannot store junk. */
  schema: z.ZodType;
  format?(value: unknown): string;
}

/**
 * A form is data: the engine gives it back/skip/edit/review/cancel without per-form code. What the
 * documents require of it (id, title, rules, counts) is the domain's FormRules; this adds the chat.
 */
export interface FormSpec extends FormRules {
  /** Words that open the form; the first is shown in help. Text after it is a one-line entry. */
  triggers: readonly string[];
  fields: readonly FieldSpec[];
  /** Warnings shown at the review (never blocking), e.g. 性别 against the ID number. */
  checks?(values: Record<string, unknown>): string[];
  /** A reason the whole record cannot be saved as it is (贫困户数 > 总户数), or undefined. */
  rule?(values: Record<string, unknown>): string | undefined;
  /** The files it comes in (list layout, DOCX, own XLSX, ZIP of files), laid out in its folder. */
  exports?: FormExports;
  /** Built from the fields' schemas; validates a confirmed record's values. */
  valuesSchema: z.ZodObject;
}

export type { ApprovalStage } from '../../domain/forms.js';

export function defineForm(spec: Omit<FormSpec, 'valuesSchema'>): FormSpec {
  const shape: Record<string, z.ZodType> = {};
  for (const f of spec.fields) shape[f.key] = f.optional ? f.schema.optional() : f.schema;
  const keys = new Set(spec.fields.map((f) => f.key));
  if (keys.size !== spec.fields.length) throw new Error(`form ${spec.id}: duplicate field keys`);
  if (spec.dateField && !keys.has(spec.dateField)) throw new Error(`form ${spec.id}: unknown dateField`);
  for (const f of spec.fields) {
    if (f.ask === false && !f.optional) throw new Error(`form ${spec.id}: field ${f.key} is not asked, so it must be optional`);
    const to = f.attachment?.captionTo;
    if (to && !keys.has(to)) throw new Error(`form ${spec.id}: captionTo ${to} is not a field`);
  }
  return { ...spec, valuesSchema: z.object(shape).strict() };
}

/**
 * A box read from what was typed: its parser, then its schema. Every accepted value is checked
 * against the schema before it enters a draft, so a parser that let something odd through
 * ('Invalid Date', a number out of range) is caught at the question, not at 确认 or in a read.
 */
export function readField(field: FieldSpec, typed: string, ctx: ParseContext): ParseResult<unknown> {
  return fitField(field, field.parse(typed, ctx));
}

/** A value already read (a guess agreed to, a caption) checked against its box's schema. */
export function fitField(field: FieldSpec, r: ParseResult<unknown>): ParseResult<unknown> {
  if (!r.ok) return r;
  const v = field.schema.safeParse(r.value);
  return v.success ? { ok: true, value: v.data } : { ok: false, reason: zh.reasons.unreadable };
}

export function formatValue(field: FieldSpec, value: unknown): string {
  if (field.format) return field.format(value);
  return String(value);
}

/** The fields asked in turn, in order; the others are offered at the review. */
export const askedFields = (form: FormSpec): readonly FieldSpec[] => form.fields.filter((f) => f.ask !== false);
