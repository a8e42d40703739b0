import type { FieldSpec, FormSpec } from '../engine/form.js';
import { OTHER } from '../parsers/choice.js';
import type { LlmConfig } from '../../llm/config.js';
import { fill, type Candidates } from './fill.js';
import { fillableFields, outputSchema, systemPrompt, userMessage } from './prompt.js';
import { redact, restore } from '../../privacy/redact.js';
import { RulesExtractor } from './rules.js';
import type { DraftExtractor, ExtractContext, Extraction } from './types.js';
import type { LlmService } from '../../llm/service.js';
export type { DraftExtractor, ExtractContext, Extraction };

/**
 * The model path: personal numbers replaced by placeholders before sending, the text sent as data,
 * the answer constrained to the form's fields by a JSON schema, and every value re-read by the
 * field's own parser. A refused, malformed, late, rate-limited or over-budget answer gives the rules'
 * draft instead, so the user is asked for the rest as without a model.
 */
export class LlmExtractor implements DraftExtractor {
  private readonly rules = new RulesExtractor();

  constructor(
    private readonly llm: LlmService,
    private readonly cfg: Pick<LlmConfig, 'maxInputChars'>,
  ) {}

  async extract(form: FormSpec, text: string, ctx: ExtractContext): Promise<Extraction> {
    if (fillableFields(form).length === 0) return this.rules.extractSync(form, text, ctx);
    const sent = redact(Array.from(text).slice(0, this.cfg.maxInputChars).join(''));
    const scope = { userKey: ctx.userKey ?? 'unknown', chatKey: ctx.chatKey ?? 'unknown' };
    const r = await this.llm.structured(scope, {
      name: `fill_${form.id}`,
      system: systemPrompt(form, ctx),
      user: userMessage(sent.text),
      schema: outputSchema(form),
    });
    if (!r.ok) return { ...this.rules.extractSync(form, text, ctx), fallback: r.why };
    const cand: Candidates = { values: {}, unsure: new Set(r.value.unsure) };
    for (const f of fillableFields(form)) {
      const v = r.value.fields[f.key];
      if (typeof v !== 'string' || !v.trim()) continue;
      const value = restore(v, sent.numbers);
      // A number the model could not have seen (it only saw placeholders) is invented: drop it.
      if (inventsNumber(value, text)) continue;
      cand.values[f.key] = value;
    }
    const read = fill(form, cand, ctx);
    // Model output is data: a box's words reach the user only when they are the user's own (mostly
    // characters of the message), re-read by the box's parser, inside the bot's own sentences. A
    // sentence the model wrote itself ("已保存", a summary, an instruction it followed) is dropped, and
    // the box is asked.
    for (const f of fillableFields(form)) {
      const words = freeWords(f, read.values[f.key]);
      if (words !== undefined && !grounded(words, text)) {
        delete read.values[f.key];
        read.unsure = read.unsure.filter((k) => k !== f.key);
      }
    }
    return { ...read, source: 'llm' };
  }
}

/** The words of a value that the model could have written freely: a text box, or the text after 其他：. */
function freeWords(f: FieldSpec, v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (f.kind === undefined || f.kind === 'text') return v;
  if (f.kind === 'choice' && v.startsWith(`${OTHER}：`)) return v.slice(OTHER.length + 1);
  return undefined;
}

function inventsNumber(value: string, source: string): boolean {
  const digits = source.replace(/\D+/g, ' ');
  return (value.match(/\d{7,}/g) ?? []).some((run) => !digits.includes(run));
}

/**
 * A free-text value mostly made of characters of the user's message. A model that writes its own
 * sentences (or follows an instruction in the text) is not taken at its word: the value becomes a
 * guess the user confirms.
 */
export function grounded(value: string, source: string): boolean {
  const chars = Array.from(value.replace(/[\s\p{P}]/gu, ''));
  if (chars.length === 0) return false;
  const have = new Set(Array.from(source));
  const hits = chars.filter((c) => have.has(c)).length;
  return hits / chars.length >= 0.7;
}
