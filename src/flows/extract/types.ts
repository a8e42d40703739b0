import type { CallFailure } from '../../llm/service.js';
import type { FormSpec } from '../engine/form.js';
import type { ParseContext } from '../parsers/result.js';

/** What a free-text reader (the model, or the rules) is given and gives back. */
export interface ExtractContext extends ParseContext {
  /** Who asked and for which group: rate limits count per user, usage is recorded per group. */
  userKey?: string;
  chatKey?: string;
}

/** A draft read from free text. Nothing here is stored: it becomes the user's draft, saved only on 确认. */
export interface Extraction {
  /** Values already checked by each field's parser and schema. */
  values: Record<string, unknown>;
  /** Keys of values that are guesses: shown, and asked for before the review. */
  unsure: string[];
  source: 'llm' | 'rules';
  /** Why the model's answer was not used, when a model was tried (for logs and tests). */
  fallback?: CallFailure;
}

export interface DraftExtractor {
  extract(form: FormSpec, text: string, ctx: ExtractContext): Promise<Extraction>;
}
