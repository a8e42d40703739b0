import type { FormSpec } from '../engine/form.js';
import type { DraftExtractor, ExtractContext, Extraction } from './types.js';
import { typedSpan, typedText } from '../../core/text.js';
import { fill, type Candidates } from './fill.js';
import { expertCandidates } from './rules-expert.js';
import { ledgerCandidates } from './rules-ledger.js';

/** Forms the rules can read from free text; any other form starts empty and is asked box by box. */
const READERS: ReadonlyMap<string, (text: string, ctx: ExtractContext) => Candidates> = new Map([
  ['ledger', ledgerCandidates],
  ['expert', (text: string) => expertCandidates(text)],
]);

/** A report is a few sentences; the rules read at most this much of a message (as the model path cuts its input). */
export const RULES_INPUT_CAP = 1000;

/**
 * Words a reader found, as the message has them: the span itself, or (for clauses a reader joined
 * with commas, such as 服务效果) each clause as typed, joined the Chinese way.
 */
function asTyped(found: string, typed: string): string {
  const span = typedSpan(found, typed);
  if (span !== undefined || !found.includes(',')) return span ?? found;
  return found
    .split(',')
    .map((part) => typedSpan(part, typed) ?? part)
    .join('，');
}

/**
 * The extractor that needs no model: date words, places, counts, activity keywords, outcomes
 * (rules-ledger.ts) and self-introductions (rules-expert.ts), each value checked by its field's parser.
 * It is the whole path without OPENAI_API_KEY and the fallback of every failed model call.
 */
export class RulesExtractor implements DraftExtractor {
  async extract(form: FormSpec, text: string, ctx: ExtractContext): Promise<Extraction> {
    return this.extractSync(form, text, ctx);
  }

  /** The same, synchronously (the eval script and the model path's fallback use it). */
  extractSync(form: FormSpec, text: string, ctx: ExtractContext): Extraction {
    const read = READERS.get(form.id);
    const typed = typedText(Array.from(text).slice(0, RULES_INPUT_CAP).join(''));
    const cand = read ? read(typed, ctx) : { values: {}, unsure: new Set<string>() };
    // The readers work on a normalised copy; what they found is stored as it was typed where it is a span of the message.
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(cand.values)) values[k] = asTyped(v, typed);
    return { ...fill(form, { values, unsure: cand.unsure }, ctx), source: 'rules' };
  }
}
