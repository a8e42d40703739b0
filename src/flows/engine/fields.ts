import { z } from 'zod';
import { ISO_DATE } from '../../core/iso-date.js';
import { normalizeInput } from '../../core/text.js';
import { zh } from '../../text/zh.js';
import type { AttachmentRule, FieldSpec, GroupSpec } from './form.js';
import { OTHER, parseChoice } from '../parsers/choice.js';
import { parseCount } from '../parsers/count.js';
import { parseDate } from '../parsers/date.js';
import { parseIdCard } from '../parsers/idcard.js';
import { formatRegion, parseDecimal, parseEmail, parseInteger, parsePostcode, parseRegion, type Region } from '../parsers/misc.js';
import { parseMulti } from '../parsers/multi.js';
import { parsePhone } from '../parsers/phone.js';
import { fail } from '../parsers/result.js';
import { parseText } from '../parsers/text.js';
import { STORED_ID_NUMBER, STORED_MOBILE, STORED_PHONE } from '../../privacy/patterns.js';

/** Field builders: a form file names what each box is, these supply parser, schema and display. */
type Base = Pick<FieldSpec, 'key' | 'label' | 'prompt' | 'optional' | 'ask'>;

export { ISO_DATE };

/** A stored date: YYYY-MM-DD and a day the calendar has (so 'Invalid Date' or 2026-02-30 never pass). */
const CALENDAR_DATE = ISO_DATE.refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
});

export function dateField(base: Base): FieldSpec {
  return { ...base, kind: 'date', parse: (t, ctx) => parseDate(t, ctx), schema: CALENDAR_DATE };
}

export function countField(base: Base & { max?: number; min?: number; unit?: string }): FieldSpec {
  const max = base.max ?? 100_000;
  const min = base.min ?? 1;
  return {
    ...base,
    kind: 'count',
    parse: (t) => parseCount(t, max, min),
    schema: z.number().int().min(min).max(max),
    format: (v) => `${String(v)}${base.unit ?? ''}`,
  };
}

export function textField(base: Base & { max: number; min?: number }): FieldSpec {
  return {
    ...base,
    kind: 'text',
    parse: (t) => parseText(t, { max: base.max, ...(base.min === undefined ? {} : { min: base.min }) }),
    schema: z.string().min(1),
  };
}

/**
 * One of a printed list. 其他 is offered only where the form prints it (as one of `choices`); then
 * "其他：<words>" is the stored value, so the schema takes the listed names and that shape only.
 */
export function choiceField(base: Base & { choices: readonly string[] }): FieldSpec {
  const listed = z.enum(base.choices as [string, ...string[]]);
  const other = z.string().regex(new RegExp(`^${OTHER}：[\\s\\S]+$`));
  return {
    ...base,
    kind: 'choice',
    parse: (t) => parseChoice(t, base.choices),
    // Without 其他 on the form, "其他：…" is still read back: records stored before the parser limited
    // 其他 to the forms that print it (政治面貌) must not become unreadable.
    schema: base.choices.includes(OTHER) ? z.union([listed.exclude([OTHER]), other]) : z.union([listed, other]),
  };
}

/** Several □ ticked at once; `other` is the printed label of the "其他：____" line, if any. */
export function multiField(base: Base & { options: readonly string[]; other?: string }): FieldSpec {
  const choices = base.other ? [...base.options, base.other] : base.options;
  return {
    ...base,
    kind: 'multi',
    choices,
    parse: (t) => parseMulti(t, base.options, base.other),
    schema: z.array(z.string().min(1)).min(1),
    format: (v) => (v as string[]).join('、'),
  };
}

export function idCardField(base: Base): FieldSpec {
  return { ...base, kind: 'idcard', parse: (t, ctx) => parseIdCard(t, ctx), schema: z.string().regex(STORED_ID_NUMBER) };
}

export function phoneField(base: Base & { mobileOnly?: boolean }): FieldSpec {
  const o = base.mobileOnly ? { mobileOnly: true } : {};
  return {
    ...base,
    kind: 'phone',
    parse: (t) => parsePhone(t, o),
    schema: z.string().regex(base.mobileOnly ? STORED_MOBILE : STORED_PHONE),
  };
}

export function emailField(base: Base): FieldSpec {
  return { ...base, kind: 'email', parse: (t) => parseEmail(t), schema: z.string().min(3) };
}

export function postcodeField(base: Base): FieldSpec {
  return {
    ...base,
    kind: 'postcode',
    parse: (t) => (t.length > 20 ? fail(zh.reasons.postcode) : parsePostcode(t)),
    schema: z.string().regex(/^\d{6}$/),
  };
}

export function decimalField(base: Base & { min: number; max: number; units: readonly string[] }): FieldSpec {
  return {
    ...base,
    kind: 'decimal',
    parse: (t) => parseDecimal(t, { min: base.min, max: base.max, units: base.units }),
    schema: z.number().min(base.min).max(base.max),
    format: (v) => `${String(v)}${base.units[0] ?? ''}`,
  };
}

export function ageField(base: Base): FieldSpec {
  return {
    ...base,
    kind: 'age',
    parse: (t) => parseInteger(t, { min: 16, max: 100, units: ['周岁', '岁'], reason: zh.reasons.age }),
    schema: z.number().int().min(16).max(100),
    format: (v) => `${String(v)}岁`,
  };
}

export const regionSchema = z.object({
  province: z.string(),
  city: z.string(),
  county: z.string(),
  township: z.string(),
  village: z.string(),
});

/** 所服务的贫困地区: five printed boxes (省 市 县 乡 村) asked as one answer. */
export function regionField(base: Base): FieldSpec {
  // Five names of at most 20 字 and a separator between each: anything longer is refused before the
  // region parser's patterns read it (they are not linear in the length of the text).
  const parse = (t: string): ReturnType<typeof parseRegion> =>
    t.length > 4 * REGION_INPUT_CAP || normalizeInput(t).length > REGION_INPUT_CAP ? fail(zh.reasons.region) : parseRegion(t);
  return { ...base, kind: 'region', parse, schema: regionSchema, format: (v) => formatRegion(v as Region) };
}

const REGION_INPUT_CAP = 5 * 20 + 4;

/**
 * A repeating box. Rows are added, changed and deleted in chat (the engine's group.ts);
 * the value is the list of rows, each validated by its columns' schemas.
 */
export function groupField(base: Base & Omit<GroupSpec, 'min'> & { min?: number }): FieldSpec {
  const group: GroupSpec = { columns: base.columns, min: base.min ?? (base.optional ? 0 : 1), max: base.max, noun: base.noun };
  const row: Record<string, z.ZodType> = {};
  for (const c of group.columns) row[c.key] = c.optional ? c.schema.optional() : c.schema;
  return {
    key: base.key,
    label: base.label,
    prompt: base.prompt,
    ...(base.optional === undefined ? {} : { optional: base.optional }),
    kind: 'group',
    group,
    parse: () => fail(zh.group.notOneLine),
    schema: z.array(z.object(row).strict()).min(group.min).max(group.max),
    format: (v) => zh.group.count((v as unknown[]).length, group.noun),
  };
}

export const attachmentRefSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  format: z.enum(['jpeg', 'png', 'gif', 'webp', 'pdf', 'other']),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});

/** A photo or file sent in chat; the text answer "跳过" works when optional, nothing else typed does. */
export function attachmentField(base: Base & { rule: AttachmentRule }): FieldSpec {
  return {
    key: base.key,
    label: base.label,
    prompt: base.prompt,
    ...(base.optional === undefined ? {} : { optional: base.optional }),
    kind: 'attachment',
    attachment: base.rule,
    parse: () => fail(zh.attach.sendFile),
    schema: attachmentRefSchema,
    format: (v) => zh.attach.shown(v as z.infer<typeof attachmentRefSchema>),
  };
}
