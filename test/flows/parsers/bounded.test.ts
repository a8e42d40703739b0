import { describe, expect, it } from 'vitest';
import { FlowEngine } from '../../../src/flows/engine/engine.js';
import type { FieldSpec } from '../../../src/flows/engine/form.js';
import { parseEngineCommand } from '../../../src/flows/engine/words.js';
import { RulesExtractor } from '../../../src/flows/extract/rules.js';
import { looksLikeReport } from '../../../src/flows/extract/looks-like-report.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import { parseChoice } from '../../../src/flows/parsers/choice.js';
import { readNumber, readQuantity } from '../../../src/flows/parsers/chinese-number.js';
import { COUNT_UNITS, parseCount } from '../../../src/flows/parsers/count.js';
import { parseDate } from '../../../src/flows/parsers/date.js';
import { parseIdCard } from '../../../src/flows/parsers/idcard.js';
import { parseDecimal, parseEmail, parseInteger } from '../../../src/flows/parsers/misc.js';
import { parseMulti } from '../../../src/flows/parsers/multi.js';
import { readPeriod } from '../../../src/flows/parsers/period.js';
import { parsePhone } from '../../../src/flows/parsers/phone.js';
import { parseText } from '../../../src/flows/parsers/text.js';
import { normalizeInput, typedSpan, typedWords } from '../../../src/core/text.js';
import type { ConversationState } from '../../../src/flows/engine/state.js';

/**
 * Issue 16.1: no input may cost more than a bounded time. Every parser (and every box of every
 * form, the free-text readers and the engine's one-line entry) gets adversarial inputs of 10,000
 * characters: it must finish, refuse cleanly (a Chinese reason, no exception), and spend little CPU.
 * CPU time of this process is measured (process.cpuUsage), not the wall clock, and the best of three
 * runs counts, so a loaded machine does not make the bound flaky; the bound is the 50 ms.
 */
const ctx = { now: new Date('2026-11-23T10:00:00+08:00'), timezone: 'Asia/Shanghai' };
const N = 10_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
const ADVERSARIAL: Record<string, string> = {
  letters: fill('a'),
  digits: fill('1'),
  numerals: fill('一'),
  spaces: `${' '.repeat(N - 1)}x`,
  mixedSpace: fill(' \u3000\n\t'),
  province: fill('省'),
  regionRun: fill('省市县乡村'),
  regionParts: fill('吉林省延边州和龙市东城镇光东'),
  otherColon: fill('其他：'),
  commas: fill('，、, '),
  dashes: fill('1-'),
  digitsSpaced: fill('1 '),
  at: fill('a@'),
  dots: fill('1.'),
  dateish: fill('11月20日'),
  relative: fill('上周五'),
  daysAgo: `${fill('9').slice(0, N - 2)}天前`,
  locative: fill('在光东村'),
  taught: fill('讲了'),
  people: fill('45人'),
  edit: `修改${fill('1')}`.slice(0, N),
  fullWidth: fill('１２３４５６７８９０（）'),
  proto: fill('__proto__'),
};

/** Best-of-three CPU milliseconds of `fn`. */
function cpuMs(fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

type Reader = (s: string) => unknown;
const refused = (r: unknown): boolean => typeof r === 'object' && r !== null && 'ok' in r && r.ok === false;

const PARSERS: Record<string, Reader> = {
  parseDate: (s) => parseDate(s, ctx),
  parseDateFuture: (s) => parseDate(s, ctx, { allowFuture: true }),
  parseCount: (s) => parseCount(s),
  parseDecimal: (s) => parseDecimal(s, { min: 0, max: 1000, units: ['亩', '小时', '个小时'] }),
  parseInteger: (s) => parseInteger(s, { min: 16, max: 100, units: ['岁'], reason: 'x' }),
  parseEmail: (s) => parseEmail(s),
  parsePhone: (s) => parsePhone(s),
  parseMobile: (s) => parsePhone(s, { mobileOnly: true }),
  parseIdCard: (s) => parseIdCard(s, ctx),
  parseChoice: (s) => parseChoice(s, ['技术培训', '现场指导', '其他']),
  parseMulti: (s) => parseMulti(s, ['因病', '因残', '缺技术'], '其它'),
  parseText: (s) => parseText(s, { max: 2000 }),
};

describe('16.1 every parser on adversarial 10k inputs: finishes, refuses cleanly, in bounded time', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(name, () => {
      for (const [kind, input] of Object.entries(ADVERSARIAL)) {
        let r: unknown;
        const ms = cpuMs(() => (r = parse(input)));
        expect(refused(r), `${name} on ${kind}`).toBe(true);
        expect(ms, `${name} on ${kind}: ${ms.toFixed(1)} ms CPU`).toBeLessThan(50);
      }
    });
  }

  it('the number, period and command readers', () => {
    for (const [kind, input] of Object.entries(ADVERSARIAL)) {
      for (const [name, read] of Object.entries<Reader>({
        readNumber: (s) => readNumber(s),
        readQuantity: (s) => readQuantity(s, COUNT_UNITS),
        readPeriod: (s) => readPeriod(s, ctx.now, ctx.timezone),
        parseEngineCommand: (s) => parseEngineCommand(s),
      })) {
        let r: unknown = 'unset';
        const ms = cpuMs(() => (r = read(input)));
        expect(r, `${name} on ${kind}`).toBeUndefined();
        expect(ms, `${name} on ${kind}: ${ms.toFixed(1)} ms CPU`).toBeLessThan(50);
      }
    }
  });

  it('every box of every form (region and postcode included, through their length caps)', () => {
    const fields: FieldSpec[] = allForms.flatMap((f) => f.fields.flatMap((x) => [x, ...(x.group?.columns ?? [])]));
    expect(fields.length).toBeGreaterThan(100);
    for (const field of fields) {
      for (const [kind, input] of Object.entries(ADVERSARIAL)) {
        let r: unknown;
        const ms = cpuMs(() => (r = field.parse(input, ctx)));
        expect(refused(r), `${field.label} on ${kind}`).toBe(true);
        expect(ms, `${field.label} on ${kind}: ${ms.toFixed(1)} ms CPU`).toBeLessThan(50);
      }
    }
  });

  it('the free-text readers (report detection, the rule-based ledger and expert readers)', () => {
    const rules = new RulesExtractor();
    const ledger = allForms.find((f) => f.id === 'ledger')!;
    const expert = allForms.find((f) => f.id === 'expert')!;
    for (const [kind, input] of Object.entries(ADVERSARIAL)) {
      const ms = cpuMs(() => {
        looksLikeReport(input);
        rules.extractSync(ledger, input, ctx);
        rules.extractSync(expert, input, ctx);
      });
      expect(ms, `free text on ${kind}: ${ms.toFixed(1)} ms CPU`).toBeLessThan(50);
    }
  });

  it('the engine: a 10k one-line entry of every form, and a 10k answer at every box, answered without an exception', () => {
    const engine = new FlowEngine({ forms: allForms, timezone: ctx.timezone, newId: () => 'd' });
    for (const form of allForms) {
      for (const [kind, input] of Object.entries(ADVERSARIAL)) {
        let said = '';
        const ms = cpuMs(() => {
          const out = engine.step(null, { text: `${form.triggers[0]!} ${input}`, now: ctx.now });
          said = out.replies.map((a) => (a.kind === 'file' ? '' : a.text)).join('\n');
        });
        expect(said, `${form.id} one-line ${kind}`).not.toContain('出错了');
        expect(ms, `${form.id} one-line ${kind}: ${ms.toFixed(1)} ms CPU`).toBeLessThan(50);
      }
      form.fields.forEach((_, cursor) => {
        const state: ConversationState = {
          v: 2,
          form: form.id,
          draftId: 'd',
          cursor,
          values: {},
          skipped: [],
          returnToReview: false,
          startedAt: 0,
        };
        for (const input of [ADVERSARIAL.regionRun!, ADVERSARIAL.mixedSpace!, ADVERSARIAL.otherColon!]) {
          const ms = cpuMs(() => {
            const out = engine.step(state, { text: input, now: ctx.now });
            expect(out.state?.values ?? {}).toEqual({});
          });
          expect(ms, `${form.id} box ${cursor}: ${ms.toFixed(1)} ms CPU`).toBeLessThan(50);
        }
      });
    }
  });

  it('the typed-text helpers are linear', () => {
    for (const input of Object.values(ADVERSARIAL)) {
      const ms = cpuMs(() => {
        normalizeInput(input);
        typedWords(input);
        typedSpan(normalizeInput(input).slice(0, 500), input);
      });
      expect(ms).toBeLessThan(50);
    }
  });
});
