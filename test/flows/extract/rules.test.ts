import { describe, expect, it } from 'vitest';
import { expertForm } from '../../../src/flows/forms/expert/form.js';
import { ledgerForm } from '../../../src/flows/forms/ledger/form.js';
import { looksLikeReport } from '../../../src/flows/extract/looks-like-report.js';
import { redact, restore } from '../../../src/privacy/redact.js';
import { RulesExtractor } from '../../../src/flows/extract/rules.js';
import { CTX, fixtures } from '../../helpers/llm-support.js';

const rules = new RulesExtractor();
const read = (text: string): Record<string, unknown> => rules.extractSync(ledgerForm, text, CTX).values;

describe('which free text starts a draft', () => {
  it('takes every report and introduction of the evaluation set, and leaves chatter alone', () => {
    for (const r of fixtures.reports) expect(looksLikeReport(r.text), r.text).toBe('ledger');
    for (const e of fixtures.experts) expect(looksLikeReport(e.text), e.text).toBe('expert');
    for (const c of fixtures.chatter) expect(looksLikeReport(c), c).toBeUndefined();
  });

  it('leaves questions and commands alone', () => {
    expect(looksLikeReport('昨天在光东村的培训是谁讲的？')).toBeUndefined();
    expect(looksLikeReport('/summary 本群 今年')).toBeUndefined();
  });
});

describe('rule-based reading of activity reports', () => {
  it('reads dates as experts say them, relative to today', () => {
    expect(read('前天在光东村培训了40人').date).toBe('2026-11-21');
    expect(read('上周五在光东村培训了40人').date).toBe('2026-11-20');
    expect(read('今儿在光东村培训了40人').date).toBe('2026-11-23');
    expect(read('11.18 光东村 技术培训 水稻 40人').date).toBe('2026-11-18');
  });

  it('does not take a future date or a decimal for a date', () => {
    expect(read('12月30日在光东村培训了40人').date).toBe('2025-12-30');
    expect(read('在光东村培训2.5小时，40人').date).toBeUndefined();
  });

  it('reads counts in digits and Chinese numerals, and leaves vague ones to be asked', () => {
    expect(read('在光东村给四十五个农户讲了育秧').participants).toBe(45);
    expect(read('在光东村讲了育秧，来了一百二十人').participants).toBe(120);
    expect(read('在光东村讲了育秧，三十来人').participants).toBe(30);
    expect(read('在光东村讲了育秧，七八十人吧').participants).toBeUndefined();
    expect(read('在光东村讲了育秧，上百人').participants).toBeUndefined();
    expect(read('在光东村讲解一户一策政策，解答问题20多个').participants).toBeUndefined();
  });

  it('reads whole place names, not the verb after them', () => {
    expect(read('在龙井市东盛涌镇仁化村开展培训，20人').place).toBe('龙井市东盛涌镇仁化村');
    expect(read('在德新乡石人沟村接受村民咨询，20人').place).toBe('德新乡石人沟村');
    expect(read('在延河村村部给贫困户讲了防疫，20人').place).toBe('延河村村部');
    expect(read('到光明村大棚里现场指导草莓种植').place).toBe('光明村');
  });

  it('keeps an unusual kind of activity as 其他：…', () => {
    expect(read('在长财村开了个座谈会，25人参加').activityForm).toBe('其他：座谈会');
  });

  it('gets most fields right on the evaluation set (see npm run eval for the figures)', () => {
    let right = 0;
    let total = 0;
    let wrong = 0;
    for (const c of fixtures.reports) {
      const v = read(c.text);
      for (const [k, e] of Object.entries(c.expected)) {
        total++;
        const g = v[k];
        const loose = k === 'content' || k === 'effect';
        const ok =
          e === null
            ? g === undefined
            : g !== undefined && (loose ? String(g).includes(String(e)) || String(e).includes(String(g)) : g === e);
        if (ok) right++;
        else if (g !== undefined) wrong++;
      }
    }
    expect(right / total).toBeGreaterThan(0.9);
    // A wrong value costs more than a missing one (which is asked): keep them rare.
    expect(wrong / total).toBeLessThan(0.03);
  });
});

describe('rule-based reading of self-introductions', () => {
  it('reads labelled and running introductions', () => {
    for (const e of fixtures.experts) {
      const x = rules.extractSync(expertForm, e.text, CTX);
      for (const [k, v] of Object.entries(e.expected)) expect(x.values[k], `${e.id} ${k}`).toEqual(v === null ? undefined : v);
    }
  });
});

describe('redaction', () => {
  it('replaces phones and ID numbers by placeholders and restores them locally', () => {
    const r = redact('电话 138-1234-5678，身份证220102198001011237，座机(0431)88886666，培训45人');
    expect(r.text).toBe('电话 [号码2]，身份证[号码1]，座机[号码3]，培训45人');
    expect(restore('[号码2]', r.numbers)).toBe('138-1234-5678');
    expect(restore('[号码9]', r.numbers)).toBe('[号码9]');
  });
});
