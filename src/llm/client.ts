import OpenAI from 'openai';
import type { LlmConfig } from './config.js';

/** An OpenAI-compatible endpoint as configured: OpenAI, DeepSeek, Qwen/DashScope, Ollama, vLLM… */
export interface LlmEndpoint {
  client: OpenAI;
  model: string;
  transcriptionModel: string;
  /** For logs and `bangfu doctor`: where calls go (never the key). */
  baseURL: string;
}

/**
 * The endpoint from env, or undefined when there is no OPENAI_API_KEY (or `llm.enabled: false`): the
 * bot then runs on its rule-based paths. Local servers that need no key (Ollama, vLLM) take any
 * non-empty value, e.g. OPENAI_API_KEY=ollama.
 * The SDK's own retries are off: ours (service.ts) cap the wait a server may ask for with
 * Retry-After, so a 429 asking for an hour cannot hold a conversation's turn.
 */
export function endpointFromEnv(
  env: NodeJS.ProcessEnv,
  cfg: Pick<LlmConfig, 'enabled' | 'model' | 'transcriptionModel' | 'timeoutMs'>,
): LlmEndpoint | undefined {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey || !cfg.enabled) return undefined;
  const baseURL = env.OPENAI_BASE_URL?.trim() || 'https://api.openai.com/v1';
  const client = new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: cfg.timeoutMs });
  return {
    client,
    model: env.BANGFU_LLM_MODEL?.trim() || cfg.model,
    transcriptionModel: env.BANGFU_TRANSCRIBE_MODEL?.trim() || cfg.transcriptionModel,
    baseURL,
  };
}
