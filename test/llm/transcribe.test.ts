import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ledgerForm } from '../../src/flows/forms/ledger/form.js';
import { looksLikeReport } from '../../src/flows/extract/looks-like-report.js';
import { RulesExtractor } from '../../src/flows/extract/rules.js';
import { LlmTranscriber, voiceOf } from '../../src/llm/transcribe.js';
import { llmText } from '../../src/text/llm.js';
import { OpenAIStub } from '../helpers/openai-stub.js';
import { CTX, stubService, testConfig } from '../helpers/llm-support.js';

let stub: OpenAIStub;
beforeAll(async () => {
  stub = await OpenAIStub.start();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => stub.reset());

// The first bytes of an Ogg/Opus voice note (Telegram), then filler.
const OGG = Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(2000, 7)]);
const SILK = Buffer.concat([Buffer.from('\x02#!SILK_V3', 'latin1'), Buffer.alloc(500, 1)]);
const SPOKEN = '昨天下午在光东村给45个农户讲了水稻育秧，大家挺满意的';
const scope = { userKey: CTX.userKey, chatKey: CTX.chatKey };

describe('voice notes', () => {
  it('are transcribed through /audio/transcriptions and then read like typed text', async () => {
    stub.audio({ body: { text: SPOKEN } });
    const r = await new LlmTranscriber(stubService(stub)).transcribe({ data: OGG, fileName: 'voice.oga', mime: 'audio/ogg' }, scope);
    expect(r).toEqual({ ok: true, text: SPOKEN });
    const req = stub.requests[0]!;
    expect(req.path).toBe('/v1/audio/transcriptions');
    expect(req.form).toEqual({ model: 'whisper-1', language: 'zh', fileName: 'voice.oga', fileBytes: OGG.length });
    if (!r.ok) return;
    expect(looksLikeReport(r.text)).toBe('ledger');
    const x = await new RulesExtractor().extract(ledgerForm, r.text, CTX);
    expect(x.values).toMatchObject({ place: '光东村', participants: 45 });
  });

  it('without a configured endpoint, tell the user to type instead', async () => {
    const r = await new LlmTranscriber(undefined).transcribe({ data: OGG, fileName: 'voice.oga' }, scope);
    expect(r).toEqual({ ok: false, reply: llmText.voice.typeInstead });
    expect(stub.requests).toHaveLength(0);
  });

  it('refuses WeChat/QQ SILK audio without sending it', async () => {
    const r = await new LlmTranscriber(stubService(stub)).transcribe({ data: SILK, fileName: 'msg.silk' }, scope);
    expect(r).toEqual({ ok: false, reply: llmText.voice.unsupported });
    expect(stub.requests).toHaveLength(0);
  });

  it('says it could not hear when the endpoint keeps failing', async () => {
    stub.audioDefault = () => ({ status: 500, body: { error: { message: 'down' } } });
    const r = await new LlmTranscriber(stubService(stub, testConfig({ maxRetries: 1 }))).transcribe(
      { data: OGG, fileName: 'voice.oga' },
      scope,
    );
    expect(r).toEqual({ ok: false, reply: llmText.voice.failed });
    expect(stub.requests).toHaveLength(2);
  });

  it('refuses a recording over the size limit without sending it', async () => {
    const r = await new LlmTranscriber(stubService(stub, testConfig({ maxAudioBytes: 1024 }))).transcribe(
      { data: OGG, fileName: 'voice.oga' },
      scope,
    );
    expect(r).toEqual({ ok: false, reply: llmText.voice.tooLarge });
    expect(stub.requests).toHaveLength(0);
  });

  it("finds the voice note among a message's attachments", () => {
    expect(
      voiceOf([
        { kind: 'image', ref: 'a' },
        { kind: 'voice', ref: 'v' },
      ])?.ref,
    ).toBe('v');
    expect(voiceOf([{ kind: 'image', ref: 'a' }])).toBeUndefined();
  });
});
