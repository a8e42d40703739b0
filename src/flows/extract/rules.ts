import type { FormSpec } from '../engine/form.js';
import type { DraftExtractor, ExtractContext, Extraction } from './types.js';
import { fill, type Candidates } from './fill.js';
import { expertCandidates } from './rules-expert.js';
import { ledgerCandidates } from './rules-ledger.js';

/** Forms the rules can read from free text; any other form starts empty and is asked box by box. */
const READERS: Readonly<Record<string, (text: string, ctx: ExtractContext) => Candidates>> = {
  ledger: ledgerCandidates,
  expert: (text) => expertCandidates(text),
};

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
    const read = READERS[form.id];
    const cand = read ? read(text, ctx) : { values: {}, unsure: new Set<string>() };
    return { ...fill(form, cand, ctx), source: 'rules' };
  }
}
