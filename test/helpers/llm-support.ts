import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormSpec } from '../../src/flows/engine/form.js';
import { endpointFromEnv, type LlmEndpoint } from '../../src/llm/client.js';
import { llmSchema, type LlmConfig } from '../../src/llm/config.js';
import { LlmExtractor, type DraftExtractor } from '../../src/flows/extract/extract.js';
import type { LlmLimits } from '../../src/llm/limits.js';
import { fillableFields } from '../../src/flows/extract/prompt.js';
import { redact } from '../../src/privacy/redact.js';
import { RulesExtractor } from '../../src/flows/extract/rules.js';
import { LlmService } from '../../src/llm/service.js';
import { completion, filled, OpenAIStub, userTextOf, type Responder } from './openai-stub.js';
import { expertForm } from '../../src/flows/forms/expert/form.js';
import { ledgerForm } from '../../src/flows/forms/ledger/form.js';

export const TODAY = '2026-11-23T10:00:00+08:00';
export const CTX = { now: new Date(TODAY), timezone: 'Asia/Shanghai', userKey: 'test:u-alice', chatKey: 'test:g1' };

export interface FixtureCase {
  id: number;
  text: string;
  expected: Record<string, unknown>;
}
const here = path.dirname(fileURLToPath(import.meta.url));
export const fixtures = JSON.parse(readFileSync(path.join(here, '../fixtures/activity-reports.json'), 'utf8')) as {
  reports: FixtureCase[];
  experts: FixtureCase[];
  chatter: string[];
};

/** Short timeouts and waits, so failure paths finish quickly. */
export function testConfig(over: Partial<LlmConfig> = {}): LlmConfig {
  return llmSchema.parse({ timeoutMs: 2000, totalTimeoutMs: 10_000, maxRetries: 2, retryBaseMs: 5, retryMaxMs: 200, ...over });
}

export function stubEndpoint(stub: OpenAIStub, cfg: LlmConfig): LlmEndpoint {
  const ep = endpointFromEnv({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: stub.baseURL, BANGFU_LLM_MODEL: 'stub-model' }, cfg);
  if (!ep) throw new Error('endpoint expected');
  return ep;
}

export function stubService(stub: OpenAIStub, cfg = testConfig(), limits?: LlmLimits): LlmService {
  return new LlmService(stubEndpoint(stub, cfg), cfg, limits);
}

/** What a good model answers for a fixture: the expected values, as words (phones as the placeholder it saw). */
function answerFor(form: FormSpec, c: FixtureCase): Record<string, string | null> {
  const sent = redact(c.text);
  const out: Record<string, string | null> = {};
  for (const f of fillableFields(form)) {
    const v = c.expected[f.key];
    if (v === null || v === undefined) continue;
    const ph = [...sent.numbers].find(([, n]) => n.replace(/\D/g, '') === String(v).replace(/\D/g, ''))?.[0];
    out[f.key] = ph ?? (f.key === 'participants' ? `${String(v)}人` : String(v));
  }
  return out;
}

/**
 * A stand-in model that answers every fixture text correctly (matching on what it was sent, which
 * has no personal numbers) and fills nothing for any other text. The form is the one the request's
 * JSON schema is named after (fill_ledger, fill_expert).
 */
export function oracle(sets: readonly (readonly [FormSpec, readonly FixtureCase[]])[]): Responder {
  const table = new Map(
    sets.map(([form, cases]) => [`fill_${form.id}`, { form, byText: new Map(cases.map((c) => [redact(c.text).text, c])) }]),
  );
  return (req) => {
    const rf = req.json?.response_format as { json_schema?: { name?: string } } | undefined;
    const t = table.get(rf?.json_schema?.name ?? '');
    if (!t) return { status: 400, body: { error: { message: 'unknown schema' } } };
    const keys = fillableFields(t.form).map((f) => f.key);
    const c = t.byText.get(userTextOf(req));
    return completion(filled(keys, c ? answerFor(t.form, c) : {}));
  };
}

export interface Mode {
  name: 'rules only' | 'stand-in model';
  extractor(stub: OpenAIStub): DraftExtractor;
}

/** The two ways the bot runs: the same tests pass in both. */
export const MODES: readonly Mode[] = [
  { name: 'rules only', extractor: () => new RulesExtractor() },
  { name: 'stand-in model', extractor: (stub) => new LlmExtractor(stubService(stub), testConfig()) },
];

/**
 * The suite's OpenAI-compatible stand-in for a test file: started once, reset before each test and
 * answering every fixture correctly (tests may script other answers). Returns the running stub.
 */
export function useOracleStub(): () => OpenAIStub {
  let stub: OpenAIStub | undefined;
  beforeAll(async () => {
    stub = await OpenAIStub.start();
  });
  afterAll(async () => {
    await stub?.close();
  });
  beforeEach(() => {
    stub!.reset();
    stub!.chatDefault = oracle([
      [ledgerForm, fixtures.reports],
      [expertForm, fixtures.experts],
    ]);
  });
  return () => stub!;
}
