import { describe, expect, it } from 'vitest';
import type { OutboundAction } from '../../../src/core/events.js';
import { FlowEngine, type StepOutput } from '../../../src/flows/engine/engine.js';
import type { InboundAttachment } from '../../../src/flows/engine/form.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import type { ConversationState } from '../../../src/flows/engine/state.js';
import { FILE, RUNS, SEED_ORDER, type Step } from '../../fixtures/answers.js';

const now = new Date('2026-11-23T10:00:00+08:00');
const text = (a: OutboundAction): string => (a.kind === 'file' ? a.fileName : a.text);
export const PHOTO: InboundAttachment = {
  id: 'a'.repeat(64),
  kind: 'image',
  fileName: 'photo.jpg',
  mime: 'image/jpeg',
  size: 48_000,
  format: 'jpeg',
  width: 295,
  height: 413,
};
export const BIG_JPG: InboundAttachment = {
  id: 'b'.repeat(64),
  kind: 'file',
  fileName: 'IMG_0001.JPG',
  mime: 'image/jpeg',
  size: 2_600_000,
  format: 'jpeg',
  width: 4000,
  height: 3000,
};
const CAPTION = '光东村水稻育秧现场指导，专家手把手教村民摆盘';

function run(steps: readonly Step[], file: InboundAttachment = PHOTO) {
  const engine = new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai', newId: () => 'draft-1' });
  let state: ConversationState | null = null;
  const outs: StepOutput[] = [];
  for (const s of steps) {
    const out: StepOutput =
      s === FILE
        ? engine.step(state, { text: file === BIG_JPG ? CAPTION : '', now, attachments: [file] })
        : engine.step(state, { text: s, now });
    outs.push(out);
    state = out.state;
  }
  return { outs, last: outs.at(-1)!, said: outs.flatMap((o) => o.replies.map(text)) };
}

describe('every form is fillable end to end in chat, field for field as printed', () => {
  for (const form of allForms) {
    it(`${form.title} (${form.id})`, () => {
      const steps = RUNS[form.id]!;
      const { outs, last, said } = run(steps, form.id === 'exhibit' ? BIG_JPG : PHOTO);
      // The review before 确认 lists every box in the seed's order.
      const reviewText = text(outs.at(-2)!.replies.at(-1)!);
      const reviewed = [...reviewText.matchAll(/^(\d+)\. (.+?)：/gm)].map((m) => m[2]);
      const extras = form.fields.filter((f) => f.ask === false).map((f) => f.label);
      expect(reviewed).toEqual([...SEED_ORDER[form.id]!, ...extras]);
      // Questions came in that order too.
      const asked = said.map((t) => /【\d+\/\d+】(.+?)(（选填）)?：/.exec(t)?.[1]).filter((l): l is string => Boolean(l));
      const positions = asked.map((l) => SEED_ORDER[form.id]!.indexOf(l));
      expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
      // 确认 saves values that pass the form's schema.
      expect(last.save?.form).toBe(form.id);
      expect(() => form.valuesSchema.parse(last.save!.values)).not.toThrow();
      expect(last.state).toBeNull();
    });
  }

  it('stores multi-select boxes as lists, regions as five parts, groups as rows', () => {
    const t = run(RUNS.team!).last.save!.values;
    expect(t.categories).toEqual(['种植', '其他：食用菌']);
    expect(t.modes).toEqual(['培训', '技术推广']);
    expect(t.region).toEqual({ province: '吉林省', city: '延边州', county: '和龙市', township: '东城镇', village: '光东村' });
    const p = run(RUNS.teamplan!).last.save!.values;
    expect(p.members).toEqual([
      { name: '王强', unit: '吉林农大', title: '教授', age: 52, phone: '13812345678' },
      { name: '李明', unit: '延边农科院', title: '研究员', age: 41, phone: '13912345678' },
    ]);
    expect(p.activities).toEqual([{ when: '12月上旬', place: '光东村', content: '水稻育秧技术培训' }]);
    const h = run(RUNS.household!).last.save!.values;
    expect(h.causes).toEqual(['因病', '缺技术']);
    expect(h.needs).toEqual(['养殖']);
  });

  it('主要事迹 is limited as the notices count characters: 2000 for a team, 1000 for a person', () => {
    const team = RUNS.team!.slice(0, 16);
    const long = '字'.repeat(2001);
    expect(run([...team, long]).said.at(-2)).toContain('不能超过 2000 字');
    expect(run([...team, '字'.repeat(1000) + ' \n '.repeat(50) + '字'.repeat(1000)]).last.state?.values.deeds).toBeDefined();
    const person = RUNS.individual!.slice(0, 21);
    expect(run([...person, '字'.repeat(1001)]).said.at(-2)).toContain('不能超过 1000 字');
  });

  it('warns at the review when the ID says another sex; refuses a village with more poor households than households', () => {
    const steps = [...RUNS.individual!];
    steps[2] = '女';
    const review = run(steps.slice(0, -1)).said.at(-1)!;
    expect(review).toContain('身份证号显示性别为「男」，与填写的「女」不符');
    const v = [...RUNS.village!];
    v[7] = '400';
    const { said, last } = run(v);
    expect(said.join('\n')).toContain('贫困户数（400）不能多于总户数（320）');
    expect(last.save).toBeUndefined();
  });

  it('the ledger offers 时长 at the review, outside the six questions', () => {
    const { said, last } = run([...RUNS.ledger!.slice(0, -1), '修改 7', '3.5小时', '确认']);
    expect(said.join('\n')).toContain('7. 时长（小时）：（选填，可回复「修改 7」填写）');
    expect(said.join('\n')).toContain('【补充】时长（小时）');
    expect(last.save?.values.hours).toBe(3.5);
  });
});
