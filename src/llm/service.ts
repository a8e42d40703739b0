import { setTimeout as sleep } from 'node:timers/promises';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, toFile } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import { backoffDelay } from '../core/backoff.js';
import type { Logger } from '../log/logger.js';
import type { LlmEndpoint } from './client.js';
import type { LlmConfig } from './config.js';
import type { CallScope, LlmLimits, Refusal } from './limits.js';

/** Why a call gave nothing usable; every one of them sends the caller to its rule-based path. */
export type CallFailure = Refusal | 'timeout' | 'network' | 'rate-limited' | 'http' | 'malformed' | 'refused' | 'too-large';

export type CallResult<T> = { ok: true; value: T; tokens: number } | { ok: false; why: CallFailure; status?: number };

/** One structured-output request: the answer must be JSON matching `schema`, or it is not used. */
export interface StructuredRequest<T> {
  /** Name of the JSON schema / tool, [a-zA-Z0-9_-]. */
  name: string;
  system: string;
  user: string;
  schema: z.ZodType<T>;
}

export interface AudioInput {
  data: Buffer;
  fileName: string;
  mime?: string;
}

type Attempt<R> = { ok: true; value: R } | { ok: false; why: CallFailure; status?: number };

const RETRYABLE = new Set([408, 409, 429, 500, 502, 503, 504]);

/**
 * Calls to the configured endpoint with the limits around them: admission (rate, budget), a
 * per-attempt timeout, retries with exponential backoff inside one total deadline, and the tokens
 * recorded per group. It never throws for an upstream problem; it says why there is no answer.
 */
export class LlmService {
  constructor(
    private readonly ep: LlmEndpoint,
    private readonly cfg: LlmConfig,
    private readonly limits?: LlmLimits,
    private readonly logger?: Logger,
  ) {}

  get model(): string {
    return this.ep.model;
  }

  async structured<T>(scope: CallScope, req: StructuredRequest<T>): Promise<CallResult<T>> {
    const admitted = await this.admit(scope);
    if (admitted) return admitted;
    const format = zodResponseFormat(req.schema, req.name);
    const jsonSchema = format.json_schema.schema ?? {};
    const messages: ChatCompletionCreateParamsNonStreaming['messages'] = [
      {
        role: 'system',
        content:
          this.cfg.responseFormat === 'json_object'
            ? `${req.system}\n\nReply with exactly one JSON object that matches this JSON Schema:\n${JSON.stringify(jsonSchema)}`
            : req.system,
      },
      { role: 'user', content: req.user },
    ];
    const base = { model: this.ep.model, messages, temperature: this.cfg.temperature };
    const body: ChatCompletionCreateParamsNonStreaming =
      this.cfg.responseFormat === 'json_schema'
        ? { ...base, response_format: { type: 'json_schema', json_schema: format.json_schema } }
        : this.cfg.responseFormat === 'json_object'
          ? { ...base, response_format: { type: 'json_object' } }
          : {
              ...base,
              tools: [{ type: 'function', function: { name: req.name, parameters: jsonSchema, strict: true } }],
              tool_choice: { type: 'function', function: { name: req.name } },
            };
    const r = await this.withRetries((timeout, signal) => this.ep.client.chat.completions.create(body, { timeout, signal, maxRetries: 0 }));
    if (!r.ok) return this.failed(scope, r);
    const completion = r.value;
    await this.limits?.record(scope, completion.usage?.total_tokens ?? 0);
    const choice = completion.choices[0];
    const msg = choice?.message;
    if (msg?.refusal) return this.failed(scope, { ok: false, why: 'refused' });
    if (!msg || choice.finish_reason === 'length') return this.failed(scope, { ok: false, why: 'malformed' });
    const raw = this.cfg.responseFormat === 'tool' ? msg.tool_calls?.find((c) => c.type === 'function')?.function.arguments : msg.content;
    const parsed = parseJson(raw ?? '');
    const checked = parsed === undefined ? undefined : req.schema.safeParse(parsed);
    if (!checked?.success) return this.failed(scope, { ok: false, why: 'malformed' });
    return { ok: true, value: checked.data, tokens: completion.usage?.total_tokens ?? 0 };
  }

  /** Speech to text through the endpoint's /audio/transcriptions (Whisper and compatibles). */
  async transcribe(scope: CallScope, audio: AudioInput): Promise<CallResult<string>> {
    if (audio.data.length > this.cfg.maxAudioBytes) return { ok: false, why: 'too-large' };
    const admitted = await this.admit(scope);
    if (admitted) return admitted;
    const r = await this.withRetries(async (timeout, signal) => {
      const file = await toFile(audio.data, audio.fileName, audio.mime ? { type: audio.mime } : {});
      return this.ep.client.audio.transcriptions.create(
        { file, model: this.ep.transcriptionModel, language: 'zh', response_format: 'json' },
        { timeout, signal, maxRetries: 0 },
      );
    });
    if (!r.ok) return this.failed(scope, r);
    const usage = (r.value as { usage?: { type?: string; total_tokens?: number } }).usage;
    const tokens = usage?.type === 'tokens' ? (usage.total_tokens ?? 0) : 0;
    await this.limits?.record(scope, tokens);
    const text = typeof r.value.text === 'string' ? r.value.text.trim() : '';
    return text ? { ok: true, value: text, tokens } : { ok: false, why: 'malformed' };
  }

  private async admit(scope: CallScope): Promise<CallResult<never> | undefined> {
    const a = this.limits ? await this.limits.admit(scope) : { ok: true as const };
    if (a.ok) return undefined;
    this.logger?.info({ why: a.why, chat: scope.chatKey }, 'llm call not admitted');
    return { ok: false, why: a.why };
  }

  private failed<T>(scope: CallScope, r: { ok: false; why: CallFailure; status?: number }): CallResult<T> {
    this.logger?.warn({ why: r.why, status: r.status, chat: scope.chatKey, model: this.ep.model }, 'llm call gave no usable answer');
    return r;
  }

  /**
   * Runs `fn` until it succeeds, a non-retryable error comes back, the retries are used up, or the
   * total deadline passes. A server's Retry-After is honoured when it fits the deadline and the
   * configured maximum wait; otherwise we give up at once rather than hold the user's turn.
   */
  private async withRetries<R>(fn: (timeoutMs: number, signal: AbortSignal) => Promise<R>): Promise<Attempt<R>> {
    const deadline = Date.now() + this.cfg.totalTimeoutMs;
    let last: Attempt<R> = { ok: false, why: 'timeout' };
    for (let attempt = 0; attempt <= this.cfg.maxRetries; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) return { ok: false, why: 'timeout' };
      const signal = AbortSignal.timeout(left);
      let waitMs: number | undefined;
      try {
        return { ok: true, value: await fn(Math.min(this.cfg.timeoutMs, left), signal) };
      } catch (err) {
        const c = classify(err);
        last = { ok: false, why: c.why, ...(c.status ? { status: c.status } : {}) };
        if (!c.retry) return last;
        waitMs = c.retryAfterMs;
      }
      if (attempt === this.cfg.maxRetries) break;
      const backoff = backoffDelay(attempt, { minMs: this.cfg.retryBaseMs, maxMs: this.cfg.retryMaxMs, jitter: [0.75, 1] });
      const wait = waitMs ?? backoff;
      if (wait > this.cfg.retryMaxMs || Date.now() + wait >= deadline) return last;
      await sleep(wait);
    }
    return last;
  }
}

function parseJson(s: string): unknown {
  // Some compatible servers wrap JSON mode answers in a ```json fence.
  const t = s
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function classify(err: unknown): { why: CallFailure; retry: boolean; status?: number; retryAfterMs?: number } {
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) return { why: 'timeout', retry: true };
  if (err instanceof APIConnectionError) return { why: 'network', retry: true };
  if (err instanceof APIError) {
    const status = err.status;
    const retryAfterMs = retryAfter(err.headers);
    const why: CallFailure = status === 429 ? 'rate-limited' : 'http';
    return {
      why,
      retry: status !== undefined && RETRYABLE.has(status),
      ...(status ? { status } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  // Anything else (a bug in a compatible server's framing, a parse error in the SDK) is not retried.
  return { why: 'network', retry: false };
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (headers?.get('retry-after-ms') && Number.isFinite(ms)) return Math.max(0, ms);
  const h = headers?.get('retry-after');
  if (!h) return undefined;
  const s = Number(h);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
