import { randomUUID } from 'node:crypto';
import type { Attachment, InboundEvent, OutboundAction } from '../core/events.js';
import type { FlowEngine, StepOutput } from './engine/engine.js';
import { parseEngineCommand } from './engine/words.js';
import { startDraft } from './extract/draft.js';
import type { DraftExtractor } from './extract/extract.js';
import { looksLikeReport } from './extract/looks-like-report.js';
import { voiceOf, type VoiceTranscriber } from '../llm/transcribe.js';
import { llmText } from '../text/llm.js';

export interface FreeTextOptions {
  engine: FlowEngine;
  extractor: DraftExtractor;
  transcriber: VoiceTranscriber;
  timezone: string;
}

/** Who a model call counts for: the user, and the group (the chat, or an open draft's origin). */
export interface Scope {
  userKey: string;
  chatKey: string;
}

/**
 * The two ways a message that is not typed form input still becomes one: a voice note is
 * transcribed into text, and a free-text activity report (or self-introduction) with no form open
 * is read into a draft — by the model when one is configured, by rules otherwise. Either way the
 * user sees the draft and nothing is saved before 确认.
 */
export class FreeText {
  constructor(private readonly o: FreeTextOptions) {}

  /** The text of a voice note, with the line that tells the user what was heard; or what to say instead. */
  async voice(
    ev: InboundEvent,
    fetch: ((a: Attachment) => Promise<Buffer>) | undefined,
    scope: Scope,
  ): Promise<{ text: string; note: OutboundAction } | { reply: OutboundAction } | undefined> {
    const voice = voiceOf(ev.attachments ?? []);
    if (!voice || ev.text.trim()) return undefined;
    if (!fetch) return { reply: { kind: 'text', text: llmText.voice.typeInstead } };
    const data = await fetch(voice);
    const r = await this.o.transcriber.transcribe(
      { data, fileName: voice.fileName ?? 'voice.ogg', ...(voice.mime ? { mime: voice.mime } : {}) },
      scope,
    );
    if (!r.ok) return { reply: { kind: 'text', text: r.reply } };
    return { text: r.text, note: { kind: 'text', text: llmText.voice.transcribed(r.text) } };
  }

  /**
   * A draft from free text when no form is open and the message is neither a command nor an engine
   * word. The user's text is only ever data for filling the form's fields: it cannot run a command
   * or touch anyone else's records, because what comes back is a draft of this user's own form.
   */
  async draft(text: string, now: Date, scope: Scope, origin?: { chatId: string; chatTitle: string }): Promise<StepOutput | undefined> {
    if (this.o.engine.isCommandWord(text) || parseEngineCommand(text)) return undefined;
    const kind = looksLikeReport(text);
    const form = kind ? this.o.engine.form(kind) : undefined;
    if (!form) return undefined;
    const x = await this.o.extractor.extract(form, text, { now, timezone: this.o.timezone, ...scope });
    const d = startDraft(form, x, { draftId: randomUUID(), now, ...(origin ? { origin } : {}) });
    return { state: d.state, replies: d.replies };
  }
}
