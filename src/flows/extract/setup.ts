import type { Logger } from '../../log/logger.js';
import type { LlmLimitStore } from '../../store/llm-limits.js';
import { endpointFromEnv } from '../../llm/client.js';
import type { LlmConfig } from '../../llm/config.js';
import { LlmExtractor, type DraftExtractor } from './extract.js';
import { LlmLimits } from '../../llm/limits.js';
import { RulesExtractor } from './rules.js';
import { LlmService } from '../../llm/service.js';
import { LlmTranscriber, type VoiceTranscriber } from '../../llm/transcribe.js';

/** Everything the app needs for free text, voice and /summary prose, with or without a model. */
export interface LlmKit {
  extractor: DraftExtractor;
  transcriber: VoiceTranscriber;
  /** Present only with an endpoint; /summary words its prose with it. */
  service?: LlmService;
  limits?: LlmLimits;
  /** For start-up logs and `bangfu doctor`: which model at which URL (never the key). */
  describe: string;
}

export function setupLlm(o: {
  env: NodeJS.ProcessEnv;
  llm: LlmConfig;
  timezone: string;
  limitStore: LlmLimitStore;
  logger?: Logger;
}): LlmKit {
  const ep = endpointFromEnv(o.env, o.llm);
  if (!ep) {
    return {
      extractor: new RulesExtractor(),
      transcriber: new LlmTranscriber(undefined),
      describe: '未配置大模型（OPENAI_API_KEY），自由文本按规则识别，语音请改为打字',
    };
  }
  const limits = new LlmLimits(o.limitStore, o.llm, o.timezone);
  const service = new LlmService(ep, o.llm, limits, o.logger);
  return {
    extractor: new LlmExtractor(service, o.llm),
    transcriber: new LlmTranscriber(service, o.llm.transcription),
    service,
    limits,
    describe: `大模型 ${ep.model} @ ${ep.baseURL}`,
  };
}
