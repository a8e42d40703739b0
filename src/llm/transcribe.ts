import type { Attachment } from '../core/events.js';
import { llmText } from '../text/llm.js';
import type { CallScope } from './limits.js';
import type { LlmService } from './service.js';

/** A voice note turned into text, or the sentence to send instead. */
export type VoiceResult = { ok: true; text: string } | { ok: false; reply: string };

export interface VoiceTranscriber {
  transcribe(audio: { data: Buffer; fileName: string; mime?: string }, scope: CallScope): Promise<VoiceResult>;
}

/** The voice note of a message, if it has one (Telegram voice, WeChat/QQ 语音). */
export const voiceOf = (attachments: readonly Attachment[]): Attachment | undefined => attachments.find((a) => a.kind === 'voice');

/**
 * Formats the transcription endpoints take (Whisper: flac m4a mp3 mp4 mpeg mpga oga ogg wav webm).
 * WeChat and QQ store voice as SILK or AMR, which they do not: those are refused with a hint to type
 * (a OneBot implementation can be asked for mp3 instead; NapCat's get_record out_format).
 */
function audioFormat(data: Buffer): 'silk' | 'amr' | 'ok' {
  const head = data.subarray(0, 10).toString('latin1');
  if (head.startsWith('#!SILK') || head.startsWith('\x02#!SILK')) return 'silk';
  if (head.startsWith('#!AMR')) return 'amr';
  return 'ok';
}

/**
 * Voice through the endpoint's /audio/transcriptions when a model is configured; without one, the
 * user is told to type. The text is then handled as if typed (looksLikeReport → draft), and the
 * dispatcher echoes it so the user sees what was understood before anything is filled.
 */
export class LlmTranscriber implements VoiceTranscriber {
  constructor(
    private readonly llm: LlmService | undefined,
    private readonly enabled = true,
  ) {}

  async transcribe(audio: { data: Buffer; fileName: string; mime?: string }, scope: CallScope): Promise<VoiceResult> {
    if (!this.llm || !this.enabled) return { ok: false, reply: llmText.voice.typeInstead };
    if (audioFormat(audio.data) !== 'ok') return { ok: false, reply: llmText.voice.unsupported };
    const r = await this.llm.transcribe(scope, audio);
    if (r.ok) return { ok: true, text: r.value };
    return { ok: false, reply: r.why === 'too-large' ? llmText.voice.tooLarge : llmText.voice.failed };
  }
}
