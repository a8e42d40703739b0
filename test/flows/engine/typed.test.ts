import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboundAction } from '../../../src/core/events.js';
import { FlowEngine, type StepOutput } from '../../../src/flows/engine/engine.js';
import {
  ageField,
  attachmentField,
  choiceField,
  countField,
  dateField,
  decimalField,
  emailField,
  groupField,
  idCardField,
  multiField,
  phoneField,
  postcodeField,
  regionField,
  textField,
} from '../../../src/flows/engine/fields.js';
import { defineForm, type FieldSpec, type FormSpec } from '../../../src/flows/engine/form.js';
import { placeWords } from '../../../src/flows/engine/one-line.js';
import { REVIEW, STATE_VERSION, type ConversationState } from '../../../src/flows/engine/state.js';
import { isWord, parseEngineCommand } from '../../../src/flows/engine/words.js';
import { countChars } from '../../../src/flows/parsers/text.js';
import { ledgerForm } from '../../../src/flows/forms/ledger/form.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import { typedWords } from '../../../src/core/text.js';
import { zh } from '../../../src/text/zh.js';
import { RUNS } from '../../fixtures/answers.js';

const now = new Date('2026-11-23T10:00:00+08:00');
const ctx = { now, timezone: 'Asia/Shanghai' };
const engine = new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai', newId: () => 'draft-1' });
const text = (a: OutboundAction): string => (a.kind === 'file' ? a.fileName : a.text);
const said = (o: StepOutput): string => o.replies.map(text).join('\n');

function play(
  lines: string[],
  e: FlowEngine = engine,
  from: ConversationState | null = null,
): { outs: StepOutput[]; state: ConversationState | null } {
  let state = from;
  const outs: StepOutput[] = [];
  for (const line of lines) {
    const out = e.step(state, { text: line, now });
    outs.push(out);
    state = out.state;
  }
  return { outs, state };
}

const at = (form: FormSpec, cursor: number, over: Partial<ConversationState> = {}): ConversationState => ({
  v: STATE_VERSION,
  form: form.id,
  draftId: 'draft-1',
  cursor,
  values: {},
  skipped: [],
  returnToReview: false,
  startedAt: now.getTime(),
  ...over,
});

/** Every text box of every form, its group's columns included, with where it is asked. */
const TEXT_BOXES: { form: FormSpec; field: FieldSpec; cursor: number; col?: number }[] = allForms.flatMap((form) =>
  form.fields.flatMap((field, cursor) => [
    ...(field.kind === 'text' ? [{ form, field, cursor }] : []),
    ...(field.group?.columns ?? []).flatMap((c, col) => (c.kind === 'text' ? [{ form, field: c, cursor, col }] : [])),
  ]),
);

/** Printable Chinese, ASCII, full-width punctuation and line breaks: what people type into a text box. */
const CHARS = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('，', '。', '！', '？', '：', '；', '（', '）', '「', '」', '“', '”', '、', '—', '…', '　') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', ' ', '  ') },
);

describe('12.1 property: for any text box and any printable input within its limits, the stored value is the input trimmed', () => {
  it(`holds for all ${TEXT_BOXES.length} text boxes (columns of repeating rows included)`, () => {
    // Boxes by index, so a counterexample names the box readably.
    const box = fc.integer({ min: 0, max: TEXT_BOXES.length - 1 });
    fc.assert(
      fc.property(box, fc.array(CHARS, { minLength: 1, maxLength: 120 }), fc.boolean(), (b, chars, pad) => {
        const { form, field, cursor, col } = TEXT_BOXES[b]!;
        const where = `${form.id}.${field.key}${col === undefined ? '' : ` (column ${col})`}`;
        const input = pad ? ` \n${chars.join('')}\u3000 ` : chars.join('');
        const trimmed = input.trim();
        const n = countChars(trimmed);
        // Within the box's limits, and an answer (not a command, a yes, or a form's name).
        const norm = trimmed.replace(/\s+/g, ' ');
        fc.pre(n > 0 && !parseEngineCommand(trimmed) && !isWord(zh.words.yesOnly, norm) && !isWord(zh.words.agree, norm));
        fc.pre(!allForms.some((f) => f.triggers.includes(typedWords(trimmed)[0]!.norm)));
        // The box's own length limits (min and max 字): only inputs it accepts at all.
        fc.pre(field.parse(input, ctx).ok);
        if (col === undefined) {
          const out = engine.step(at(form, cursor), { text: input, now });
          expect(out.state?.values[field.key], where).toBe(trimmed);
        } else {
          const group = form.fields[cursor]!;
          fc.pre(!(col === 0 && /\s/.test(trimmed) && group.group!.columns.length > 1));
          fc.pre(
            !/^(?:删除|删掉|删|改行|改第|修改第|改|添加|新增|加一行)/.test(norm) &&
              !isWord([...zh.group.words.done, ...zh.group.words.keep], norm),
          );
          const state = at(form, cursor, { sub: { mode: 'row', row: -1, col, values: {} } });
          const out = engine.step(state, { text: input, now });
          const sub = out.state?.sub;
          const row = sub?.mode === 'row' ? sub.values : (out.state?.values[group.key] as Record<string, unknown>[] | undefined)?.at(-1);
          expect(row?.[field.key], where).toBe(trimmed);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

/** One box of every kind, for 12.11. */
const PNG = { id: 'a'.repeat(64), fileName: 'IMG_1.png', mime: 'image/png', size: 40_000, format: 'png' as const };
const kinds = defineForm({
  id: 'kinds',
  title: '各种栏目',
  triggers: ['各种栏目'],
  fields: [
    dateField({ key: 'date', label: '日期', prompt: '哪天？' }),
    textField({ key: 'text', label: '文字', prompt: '写点什么', max: 50 }),
    choiceField({ key: 'choice', label: '形式', prompt: '哪种？', choices: ['甲', '乙', '其他'] }),
    countField({ key: 'count', label: '人数', prompt: '几人？', unit: '人' }),
    multiField({ key: 'multi', label: '需求', prompt: '可多选', options: ['种植', '养殖'], other: '其它' }),
    phoneField({ key: 'phone', label: '电话', prompt: '电话？' }),
    idCardField({ key: 'id', label: '身份证', prompt: '身份证号？' }),
    emailField({ key: 'email', label: '邮箱', prompt: '邮箱？' }),
    postcodeField({ key: 'post', label: '邮编', prompt: '邮编？' }),
    decimalField({ key: 'dec', label: '面积', prompt: '几亩？', min: 0, max: 100, units: ['亩'] }),
    ageField({ key: 'age', label: '年龄', prompt: '年龄？' }),
    regionField({ key: 'region', label: '地区', prompt: '省 市 县 乡 村' }),
    attachmentField({ key: 'photo', label: '照片', prompt: '发一张照片', rule: { kinds: ['image', 'file'], formats: ['png', 'jpeg'] } }),
    groupField({
      key: 'rows',
      label: '成员',
      prompt: '逐个添加',
      noun: '成员',
      max: 5,
      columns: [
        textField({ key: 'name', label: '姓名', prompt: '姓名？', max: 10 }),
        ageField({ key: 'age', label: '年龄', prompt: '年龄？' }),
      ],
    }),
    textField({ key: 'last', label: '备注', prompt: '备注？', max: 50 }),
  ],
});
const kindsEngine = new FlowEngine({ forms: [kinds], timezone: 'Asia/Shanghai', newId: () => 'k' });
const ANSWERS: [string, string | 'file', string][] = [
  ['date', '昨天', '2026-11-22'],
  ['text', '龙井市，推广', '龙井市，推广'],
  ['choice', '其他：田间示范', '其他：田间示范'],
  ['count', '四十五人', '45人'],
  ['multi', '种植 其它：食用菌', '种植、其它：食用菌'],
  ['phone', '138 1234 5678', '13812345678'],
  ['id', '110101199003074514', '110101199003074514'],
  ['email', 'Wang@163.com', 'wang@163.com'],
  ['post', '133000', '133000'],
  ['dec', '两亩半', ''],
  ['age', '五十二', '52岁'],
  ['region', '吉林省 延边州 和龙市 东城镇 光东村', '吉林省 延边州 和龙市 东城镇 光东村'],
  ['photo', 'file', '📎 IMG_1.png'],
];

describe('12.11 上一步 and 修改 show the current value of every kind of box, and 不变 keeps it', () => {
  function filled(): ConversationState {
    let state: ConversationState | null = kindsEngine.step(null, { text: '各种栏目', now }).state;
    for (const [key, answer] of ANSWERS) {
      const input = key === 'dec' ? '2.5' : answer;
      const out =
        input === 'file'
          ? kindsEngine.step(state, { text: '', now, attachments: [{ ...PNG, kind: 'image' }] })
          : kindsEngine.step(state, { text: input, now });
      expect(out.state?.values[key], `${key} answered`).toBeDefined();
      state = out.state;
    }
    return state!;
  }

  it.each(ANSWERS.map(([key, , shown], i) => [key, i, shown] as const))('%s', (key, i, shown) => {
    const state = filled();
    // From the box after it, 上一步 lands on it and says what it holds.
    const back = kindsEngine.step({ ...state, cursor: i + 1, sub: undefined }, { text: '上一步', now });
    const prompt = said(back);
    expect(back.state?.cursor).toBe(i);
    expect(prompt).toContain(`现为「${key === 'dec' ? '2.5亩' : shown}`);
    expect(back.replies.at(-1)).toMatchObject({ hints: expect.arrayContaining(['不变']) });
    // 不变 keeps it and moves on to the first box still empty (the repeating one); nothing changes.
    const kept = kindsEngine.step(back.state, { text: '不变', now });
    expect(kept.state?.values).toEqual(state.values);
    expect(kept.state?.cursor).toBe(kinds.fields.findIndex((f) => f.key === 'rows'));
    // From the review, 修改 N shows it too.
    const edit = kindsEngine.step({ ...state, cursor: REVIEW }, { text: `修改 ${i + 1}`, now });
    expect(said(edit)).toContain('现为「');
  });

  it('a repeating box shows its rows, and a row being changed shows each cell (现为「…」)', () => {
    const state = filled();
    const rows = kindsEngine.step(state, { text: '王强 52', now });
    const menu = kindsEngine.step(rows.state, { text: '改 1', now });
    expect(said(menu)).toContain('现为「王强」');
  });
});

describe('12.4 an engine word that does not resolve is never stored', () => {
  it.each([
    [1, '地点'],
    [0, '时间'],
    [3, '内容'],
  ])('修改 99 at box %d (%s): 没有第 99 项（共 6 项）, the same question again', (cursor, label) => {
    const out = engine.step(at(ledgerForm, cursor), { text: '修改 99', now });
    expect(out.replies.map(text)[0]).toBe('没有第 99 项（共 6 项）。');
    expect(text(out.replies.at(-1)!)).toContain(`${label}：`);
    expect(out.state?.values).toEqual({});
    expect(engine.step(at(ledgerForm, cursor), { text: '修改第99项', now }).state?.values).toEqual({});
  });

  it('a sentence that only starts with 修改 is still an answer', () => {
    const out = engine.step(at(ledgerForm, 3), { text: '修改了种植方案', now });
    expect(out.state?.values.content).toBe('修改了种植方案');
  });
});

describe('12.5 the one-line entry places values by unmistakable kind', () => {
  const plain = ledgerForm.fields.filter((f) => f.ask !== false);
  it.each([
    ['光东村 昨天 45人 技术培训', { place: '光东村', date: '2026-11-22', participants: 45, activityForm: '技术培训' }],
    ['技术培训 45人 光东村 昨天 水稻育秧 群众满意', { place: '光东村', content: '水稻育秧', effect: '群众满意' }],
    ['2026年11月20日 光东村 技术培训 水稻育秧技术 45人 群众反映良好', { date: '2026-11-20', effect: '群众反映良好' }],
    ['昨天 光东村 1 育秧 45 群众 反映 良好', { activityForm: '技术培训', participants: 45, effect: '群众 反映 良好' }],
    ['光东村 水稻育秧', { place: '光东村', content: '水稻育秧' }],
    ['光东村，村委会 其他：入户走访', { place: '光东村，村委会', activityForm: '其他：入户走访' }],
  ])('%s', (line, expected) => {
    const p = placeWords(plain, typedWords(line), ctx);
    expect(Object.fromEntries(p.values)).toMatchObject(expected);
    expect(p.unplaced).toEqual([]);
  });

  it('asks only for what is missing, starting with the first', () => {
    const out = engine.step(null, { text: '台账 光东村 昨天 45人 技术培训', now });
    expect(out.state?.values).toEqual({ place: '光东村', date: '2026-11-22', participants: 45, activityForm: '技术培训' });
    expect(said(out)).toContain('【4/6】内容');
  });

  it('a word that looks like a count but is none is named, and its box asked', () => {
    const out = engine.step(null, { text: '台账 昨天 光东村 技术培训 水稻育秧技术 好多人', now });
    expect(said(out)).toContain('没能识别，请逐项补充：参加人次');
    expect(out.state?.values.effect).toBeUndefined();
  });
});

describe('12.10 取消 on a long draft asks once; 恢复 brings a discarded draft back', () => {
  const household = allForms.find((f) => f.id === 'household')!;
  const seven = (RUNS.household as string[]).slice(0, 8);

  it('more than 6 boxes filled: asks, and 确定取消 discards; anything else carries on with the form', () => {
    const asked = play([...seven, '取消']);
    expect(said(asked.outs.at(-1)!)).toBe('确定放弃已填的 7 项？回复「确定取消」放弃；回复其他内容则继续填写。');
    const gone = engine.step(asked.state, { text: '确定取消', now });
    expect(said(gone)).toContain('已取消《一户一策调查表》');
    expect(gone.state?.discardedAt).toBeDefined();
    const carryOn = engine.step(asked.state, { text: '2', now });
    expect(carryOn.state?.values.laborers).toBe(2);
    expect(carryOn.state?.cancelAsked).toBeUndefined();
  });

  it('6 or fewer: 取消 at once (the ledger), and 恢复 restores it where it was', () => {
    const { state } = play(['台账', '昨天', '光东村', '1', '取消']);
    expect(state?.discardedAt).toBeDefined();
    const back = engine.step(state, { text: '恢复', now });
    expect(said(back)).toContain('已恢复《工作台账》的草稿');
    expect(said(back)).toContain('【4/6】内容');
    expect(back.state).toMatchObject({ values: { date: '2026-11-22', place: '光东村', activityForm: '技术培训' } });
    expect(back.state?.discardedAt).toBeUndefined();
  });

  it('恢复 works for the conversation TTL counted from the 取消, and not after', () => {
    const day = 86_400_000;
    const e = new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai', keepDiscardedMs: 7 * day });
    const { state } = play(['台账', '昨天', '光东村', '取消'], e);
    const later = (ms: number): Date => new Date(now.getTime() + ms);
    expect(said(e.step(state, { text: '恢复', now: later(7 * day - 1000) }))).toContain('已恢复');
    const gone = e.step(state, { text: '恢复', now: later(7 * day + 1000) });
    expect(said(gone)).toContain('没有可以恢复的草稿');
    expect(gone.state).toBeNull();
    expect(e.stillKept(state, later(8 * day))).toBeNull();
  });

  it('nothing else touches a discarded draft; a new form replaces it; 恢复 with nothing kept says so', () => {
    const { state } = play([...seven, '取消', '确定取消']);
    const chatter = engine.step(state, { text: '明天几点开会', now });
    expect(chatter.state).toEqual(state);
    expect(said(engine.step(null, { text: '恢复', now }))).toContain('没有可以恢复的草稿');
    const fresh = engine.step(state, { text: '台账', now });
    expect(fresh.state?.form).toBe('ledger');
    expect(fresh.state?.discardedAt).toBeUndefined();
    expect(household.id).toBe('household');
  });
});

describe('16.11 the engine never throws on user input; every value it keeps re-validates', () => {
  const WORDS = [
    ...['上一步', '跳过', '取消', '确定取消', '修改', '修改 3', '修改 99', '修改第0项', '查看', '确认', '帮助', '恢复', '不变'],
    ...['对', '是的', '好', '完成', '添加', '删除 1', '改 1', '删除 99', '其他', '其他：', '0', '-1', '99999999999'],
    ...['constructor', '__proto__', 'valueOf', '999999999天前', '31号', '明天', '2月30日', '1e309', 'NaN', '１２３', '', ' \n '],
  ];
  const answers = Object.values(RUNS)
    .flat()
    .filter((s): s is string => typeof s === 'string');
  const input = fc.oneof(
    fc.constantFrom(...WORDS),
    fc.constantFrom(...answers),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );

  it('whole forms driven by random answers, commands and junk', () => {
    let steps = 0;
    fc.assert(
      fc.property(fc.constantFrom(...allForms), fc.array(input, { minLength: 1, maxLength: 40 }), (form, lines) => {
        let state: ConversationState | null = null;
        for (const line of [form.triggers[0]!, ...lines]) {
          const out = engine.step(state, { text: line, now });
          steps++;
          expect(said(out)).not.toContain(zh.engine.crashed);
          if (out.save) expect(() => form.valuesSchema.parse(out.save!.values)).not.toThrow();
          state = out.state;
          const f = state ? allForms.find((x) => x.id === state!.form)! : undefined;
          for (const field of f?.fields ?? []) {
            const v = state!.values[field.key];
            if (v !== undefined) expect(field.schema.safeParse(v).success, `${f!.id}.${field.key}=${JSON.stringify(v)}`).toBe(true);
          }
        }
      }),
      { numRuns: 600 },
    );
    expect(steps).toBeGreaterThan(3000);
  });

  it('a state the engine did not write (a corrupt cursor, a value of the wrong type) gets a reply, not an exception', () => {
    const odd = [
      at(ledgerForm, 99),
      at(ledgerForm, -7),
      at(ledgerForm, REVIEW, { values: { date: 'Invalid Date', place: 3 } }),
      at(ledgerForm, 0, { form: 'gone' }),
      at(ledgerForm, 0, { sub: { mode: 'row', row: 5, col: 9, values: {} } }),
    ];
    for (const state of odd) {
      for (const line of ['确认', '上一步', '查看', '光东村', '修改 2']) {
        expect(() => engine.step(state, { text: line, now })).not.toThrow();
      }
    }
    const confirm = engine.step(at(ledgerForm, REVIEW, { values: { ...RUN_VALUES, date: 'Invalid Date' } }), { text: '确认', now });
    expect(confirm.save).toBeUndefined();
    expect(said(confirm)).toContain('「时间」没有填好');
  });
});

const RUN_VALUES = { date: '2026-11-22', place: '光东村', activityForm: '技术培训', content: '育秧', participants: 45, effect: '好' };
