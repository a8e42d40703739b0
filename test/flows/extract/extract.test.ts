import { describe, expect, it } from 'vitest';
import { expertForm } from '../../../src/flows/forms/expert/form.js';
import { ledgerForm } from '../../../src/flows/forms/ledger/form.js';
import { CTX, MODES, fixtures, useOracleStub } from '../../helpers/llm-support.js';

const stubOf = useOracleStub();

const EXAMPLE = '昨天下午在光东村给45个农户讲了水稻育秧，大家挺满意的';

describe.each(MODES)('free text → draft ($name)', (mode) => {
  it("reads the issue's example sentence into the right 工作台账 draft", async () => {
    const x = await mode.extractor(stubOf()).extract(ledgerForm, EXAMPLE, CTX);
    expect(x.values).toEqual({
      date: '2026-11-22',
      place: '光东村',
      activityForm: '技术培训',
      content: '水稻育秧',
      participants: 45,
      effect: '大家挺满意的',
    });
    expect(x.source).toBe(mode.name === 'rules only' ? 'rules' : 'llm');
  });

  it('leaves out what the text does not say, so it is asked', async () => {
    const c = fixtures.reports.find((r) => r.id === 12)!; // no date in the text
    const x = await mode.extractor(stubOf()).extract(ledgerForm, c.text, CTX);
    expect(x.values.date).toBeUndefined();
    expect(x.values.place).toBe('南坪镇柳洞村');
    expect(x.values.participants).toBe(18);
  });

  it('does not turn a vague count ("十几个农民") into a number', async () => {
    const c = fixtures.reports.find((r) => r.id === 10)!;
    const x = await mode.extractor(stubOf()).extract(ledgerForm, c.text, CTX);
    expect(x.values.participants).toBeUndefined();
    expect(x.values.date).toBe('2026-11-20');
  });

  it('reads a self-introduction into the 专家登记 draft, phone included', async () => {
    const c = fixtures.experts[0]!;
    const x = await mode.extractor(stubOf()).extract(expertForm, c.text, CTX);
    expect(x.values).toEqual({
      unit: '吉林农业大学',
      name: '张伟',
      title: '教授',
      age: 52,
      phone: '13812345678',
      field: '水稻栽培',
      villages: '光东村、光西村',
    });
  });

  it('only ever fills values the form itself accepts', async () => {
    const ex = mode.extractor(stubOf());
    for (const c of fixtures.reports.slice(0, 20)) {
      const x = await ex.extract(ledgerForm, c.text, CTX);
      const partial = ledgerForm.valuesSchema.partial().safeParse(x.values);
      expect(partial.success, c.text).toBe(true);
    }
  });
});
