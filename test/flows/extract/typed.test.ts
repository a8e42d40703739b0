import { describe, expect, it } from 'vitest';
import type { OutboundAction } from '../../../src/core/events.js';
import { FlowEngine } from '../../../src/flows/engine/engine.js';
import type { ConversationState } from '../../../src/flows/engine/state.js';
import { startDraft } from '../../../src/flows/extract/draft.js';
import { RulesExtractor } from '../../../src/flows/extract/rules.js';
import { ledgerForm } from '../../../src/flows/forms/ledger/form.js';
import { allForms } from '../../../src/flows/forms/registry.js';

const ctx = { now: new Date('2026-11-23T10:00:00+08:00'), timezone: 'Asia/Shanghai' };
const rules = new RulesExtractor();
const engine = new FlowEngine({ forms: allForms, timezone: ctx.timezone });
const textOf = (a: OutboundAction): string => (a.kind === 'file' ? '' : a.text);
const FREE = '昨天去光东村给村民示范了一下草莓种植，来了30人，大家很满意';

function draftOf(message: string) {
  return startDraft(ledgerForm, rules.extractSync(ledgerForm, message, ctx), { draftId: 'draft-1', now: ctx.now });
}

function answer(state: ConversationState, lines: string[]) {
  let st: ConversationState | null = state;
  let out!: ReturnType<FlowEngine['step']>;
  for (const line of lines) {
    out = engine.step(st, { text: line, now: ctx.now });
    st = out.state;
  }
  return out;
}

describe('12.2 guesses from free text', () => {
  it('are kept beside the draft, shown in it and with their question, and not stored as values', () => {
    const d = draftOf(FREE);
    expect(d.state.values).toEqual({ date: '2026-11-22', place: '光东村', participants: 30, effect: '大家很满意' });
    expect(d.state.guesses).toEqual({ activityForm: '现场指导', content: '草莓种植' });
    const said = d.replies.map(textOf).join('\n');
    expect(said).toContain('3. 帮扶活动形式：现场指导（待确认）');
    expect(said).toContain('4. 内容：草莓种植（待确认）');
    expect(said).toContain('还需要您补充或确认：帮扶活动形式、内容');
    expect(said).toContain('我理解为「现场指导」，对的话请回复「对」');
    expect(d.replies.at(-1)).toMatchObject({ hints: expect.arrayContaining(['对']) });
  });

  it('查看 shows every guess, not （未填）', () => {
    const view = answer(draftOf(FREE).state, ['查看']).replies.map(textOf).join('\n');
    expect(view).toContain('帮扶活动形式：现场指导（待确认）');
    expect(view).toContain('内容：草莓种植（待确认）');
    expect(view).not.toContain('帮扶活动形式：（未填）');
  });

  it.each(['对', '是', '是的', '好', '嗯', '没错', '确认'])(
    '「%s」 accepts each guess in turn; the second question shows its guess',
    (yes) => {
      const d = draftOf(FREE);
      const first = answer(d.state, [yes]);
      expect(first.replies.map(textOf).join('\n')).toContain('我理解为「草莓种植」');
      const done = answer(d.state, [yes, yes, '确认']);
      expect(done.save?.values).toMatchObject({ activityForm: '现场指导', content: '草莓种植' });
      expect(JSON.stringify(done.save?.values)).not.toContain(yes === '确认' ? '：确认' : `：${yes}`);
    },
  );

  it('typing the real answer replaces the guess; 上一步 then shows the value, not the guess', () => {
    const d = draftOf(FREE);
    const out = answer(d.state, ['其他：田间示范', '草莓育苗技术']);
    expect(out.state?.values).toMatchObject({ activityForm: '其他：田间示范', content: '草莓育苗技术' });
    expect(out.state?.guesses).toBeUndefined();
    const back = answer(out.state!, ['修改 3']).replies.map(textOf).join('\n');
    expect(back).toContain('现为「其他：田间示范」');
    expect(back).not.toContain('我理解为');
  });

  it('a bare yes where nothing was guessed is never stored', () => {
    const out = answer(draftOf('昨天在光东村给45个农户讲了水稻育秧').state, ['是的']);
    expect(out.state?.values.effect).toBeUndefined();
    expect(out.replies.map(textOf).join('\n')).toContain('「是的」不是「服务效果」的内容');
  });
});

describe('12.1 free text: what the rules find is stored as the message has it', () => {
  it('full-width punctuation, quotes and digits of the span are kept', () => {
    const x = rules.extractSync(ledgerForm, '昨天　在光东村村委会讲了“稻蟹共养”技术，４５人参加，反响很好；发放资料６０份', ctx);
    expect(x.values).toMatchObject({
      place: '光东村村委会',
      content: '“稻蟹共养”技术',
      participants: 45,
      effect: '反响很好，发放资料６０份',
    });
  });

  it('a span with full-width brackets', () => {
    const x = rules.extractSync(ledgerForm, '昨天在光东村给45个农户讲了水稻育秧（二期），大家挺满意的！', ctx);
    expect(x.values.content).toBe('水稻育秧（二期）');
  });
});
