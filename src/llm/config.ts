import { z } from 'zod';

/**
 * The `llm:` section. The endpoint and its key are never read from here, only from env
 * (OPENAI_BASE_URL, OPENAI_API_KEY, BANGFU_LLM_MODEL): without a key every option below is unused
 * and the bot works on its rule-based paths.
 */
export const llmSchema = z
  .object({
    enabled: z.boolean().default(true).describe('设置了 OPENAI_API_KEY 时是否使用大模型；false 则始终按规则识别'),
    model: z
      .string()
      .min(1)
      .default('gpt-4o-mini')
      .describe('对话模型名；环境变量 BANGFU_LLM_MODEL 优先（如 deepseek-chat、qwen-plus、qwen2.5:7b）'),
    responseFormat: z
      .enum(['json_schema', 'json_object', 'tool'])
      .default('json_schema')
      .describe(
        '结构化输出方式：json_schema（OpenAI、Qwen、vLLM、Ollama），json_object（DeepSeek 等只支持 JSON 模式的接口），tool（函数调用）',
      ),
    temperature: z.number().min(0).max(2).default(0).describe('生成温度；识别表格内容用 0 最稳定'),
    timeoutMs: z.number().int().min(500).max(120_000).default(8000).describe('单次请求超时（毫秒）'),
    maxRetries: z.number().int().min(0).max(5).default(2).describe('超时、429、5xx 时最多重试几次（指数退避）'),
    retryBaseMs: z.number().int().min(1).max(10_000).default(500).describe('第一次重试前等待（毫秒），之后每次翻倍'),
    retryMaxMs: z
      .number()
      .int()
      .min(1)
      .max(60_000)
      .default(4000)
      .describe('两次重试之间最长等待（毫秒）；服务端要求等待更久时直接放弃，改按规则识别'),
    totalTimeoutMs: z
      .number()
      .int()
      .min(500)
      .max(300_000)
      .default(20_000)
      .describe('一条消息用于大模型的总时长上限（含重试）；须小于 conversation.lockTtlMs，或由调度器续锁'),
    perUserPerMinute: z.number().int().min(1).max(1000).default(6).describe('每人每分钟最多调用大模型几次，超出时按规则识别'),
    globalPerMinute: z.number().int().min(1).max(100_000).default(60).describe('整个机器人每分钟最多调用大模型几次'),
    dailyTokenBudget: z
      .number()
      .int()
      .min(0)
      .default(200_000)
      .describe('每天最多消耗的 token 数（按配置时区的自然日）；用完后当天按规则识别，0 = 不限'),
    maxInputChars: z.number().int().min(50).max(20_000).default(1000).describe('发给大模型的一条消息最多多少字，超出部分不发送'),
    transcription: z.boolean().default(true).describe('是否把语音消息交给接口的语音转写（/audio/transcriptions）'),
    transcriptionModel: z.string().min(1).default('whisper-1').describe('语音转写模型名；环境变量 BANGFU_TRANSCRIBE_MODEL 优先'),
    maxAudioBytes: z
      .number()
      .int()
      .min(1024)
      .max(25 * 1024 * 1024)
      .default(10 * 1024 * 1024)
      .describe('转写的语音文件最大字节数'),
    summaryProse: z.boolean().default(true).describe('/summary 是否请大模型润色文字（数字一律由台账计算，不由模型生成）'),
  })
  .strict()
  .prefault({});

export type LlmConfig = z.infer<typeof llmSchema>;

/** Defaults, for callers (tests, the eval script) that have no loaded config. */
export const defaultLlmConfig = (): LlmConfig => llmSchema.parse({});
