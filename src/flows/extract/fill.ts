import { readField, type FormSpec } from '../engine/form.js';
import type { ParseContext } from '../parsers/result.js';

/** Words found for a form's fields, as text a user could have typed into each box. */
export interface Candidates {
  values: Record<string, string>;
  /** Fields whose words are a guess to be confirmed, not what the text plainly says. */
  unsure: Set<string>;
}

export interface FilledDraft {
  values: Record<string, unknown>;
  unsure: string[];
}

/**
 * Every candidate goes through its field's own parser, as if the user had typed it: a reader (rules
 * or a model) can never put in a value the form would refuse from a person. A candidate the parser
 * refuses is dropped, so the field is asked.
 */
export function fill(form: FormSpec, cand: Candidates, ctx: ParseContext): FilledDraft {
  const values: Record<string, unknown> = {};
  const unsure: string[] = [];
  for (const field of form.fields) {
    const raw = Object.hasOwn(cand.values, field.key) ? cand.values[field.key] : undefined;
    if (raw === undefined || raw.trim() === '' || field.group || field.attachment) continue;
    const r = readField(field, raw, ctx);
    if (!r.ok) continue;
    values[field.key] = r.value;
    if (cand.unsure.has(field.key)) unsure.push(field.key);
  }
  return { values, unsure };
}
