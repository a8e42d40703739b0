import { describe, expect, it } from 'vitest';
import type { OutboundAction } from '../../../src/core/events.js';
import { FlowEngine } from '../../../src/flows/engine/engine.js';
import { expertForm } from '../../../src/flows/forms/expert/form.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import { ledgerForm } from '../../../src/flows/forms/ledger/form.js';
import { REVIEW, type ConversationState } from '../../../src/flows/engine/state.js';
import { startDraft } from '../../../src/flows/extract/draft.js';
import { CTX, MODES, fixtures, useOracleStub } from '../../helpers/llm-support.js';

const stubOf = useOracleStub();

const engine = new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai' });
const textOf = (a: OutboundAction): string => (a.kind === 'file' ? '' : a.text);
const opts = { draftId: 'draft-0001-test', now: CTX.now };

/** Answers in turn, as the user would; returns the last step and whether anything was saved before the end. */
function answer(state: ConversationState, texts: string[]): { last: ReturnType<FlowEngine['step']>; savedEarly: boolean } {
  let st: ConversationState | null = state;
  let savedEarly = false;
  let last!: ReturnType<FlowEngine['step']>;
  texts.forEach((t, i) => {
    last = engine.step(st, { text: t, now: CTX.now });
    if (last.save && i < texts.length - 1) savedEarly = true;
    st = last.state;
  });
  return { last, savedEarly };
}

describe.each(MODES)('draft from free text, saved only on 确认 ($name)', (mode) => {
  it('shows the example sentence as a complete draft at the review, and saves it on 确认', async () => {
    const x = await mode.extractor(stubOf()).extract(ledgerForm, '昨天下午在光东村给45个农户讲了水稻育秧，大家挺满意的', CTX);
    const d = startDraft(ledgerForm, x, opts);
    expect(d.state.cursor).toBe(REVIEW);
    const review = d.replies.map(textOf).join('\n');
    expect(review).toContain('光东村');
    expect(review).toContain('45人次');
    const { last } = answer(d.state, ['确认']);
    expect(last.save).toMatchObject({
      form: 'ledger',
      id: 'draft-0001-test',
      values: { date: '2026-11-22', participants: 45, content: '水稻育秧' },
    });
  });

  it('asks for what the text did not say, then reviews, then saves', async () => {
    const c = fixtures.reports.find((r) => r.id === 12)!; // no date
    const d = startDraft(ledgerForm, await mode.extractor(stubOf()).extract(ledgerForm, c.text, CTX), opts);
    expect(d.state.cursor).toBe(0);
    expect(d.replies.map(textOf).join('\n')).toContain('还需要您补充或确认：时间');
    const { last, savedEarly } = answer(d.state, ['前天', '确认']);
    expect(savedEarly).toBe(false);
    expect(last.save?.values).toMatchObject({ date: '2026-11-21', place: '南坪镇柳洞村', participants: 18 });
  });

  it('registers an expert from a self-introduction after 确认', async () => {
    const c = fixtures.experts.find((e) => e.id === 108)!; // names no village
    const d = startDraft(expertForm, await mode.extractor(stubOf()).extract(expertForm, c.text, CTX), opts);
    expect(expertForm.fields[d.state.cursor]!.key).toBe('villages');
    const { last } = answer(d.state, ['永庆村、三道村', '确认']);
    expect(last.save).toMatchObject({ form: 'expert', values: { name: '孙海波', phone: '13943312345', villages: '永庆村、三道村' } });
  });
});

describe('guesses', () => {
  it('shows a guess in the draft, asks for it with the guess as the reply to tap, and keeps it out until answered', () => {
    const d = startDraft(
      ledgerForm,
      {
        source: 'rules',
        unsure: ['activityForm'],
        values: {
          date: '2026-11-21',
          place: '亚东村',
          activityForm: '技术培训',
          content: '中草药种植',
          participants: 35,
          effect: '发了种植手册',
        },
      },
      opts,
    );
    expect(d.state.values.activityForm).toBeUndefined();
    expect(ledgerForm.fields[d.state.cursor]!.key).toBe('activityForm');
    expect(textOf(d.replies[0]!)).toContain('帮扶活动形式：技术培训（待确认）');
    const q = d.replies[1]!;
    expect(q.kind).toBe('choices');
    expect(textOf(q)).toContain('我理解为「技术培训」');
    const { last, savedEarly } = answer(d.state, ['技术培训', '确认']);
    expect(savedEarly).toBe(false);
    expect(last.save?.values.activityForm).toBe('技术培训');
  });

  it('a wrong guess is simply answered differently', () => {
    const d = startDraft(
      ledgerForm,
      {
        source: 'llm',
        unsure: ['place'],
        values: { date: '2026-11-21', place: '亚东', activityForm: '技术培训', content: '中草药种植', participants: 35, effect: '好' },
      },
      opts,
    );
    const { last } = answer(d.state, ['亚东村村委会', '确认']);
    expect(last.save?.values.place).toBe('亚东村村委会');
  });
});
