import { describe, expect, it } from 'vitest';
import type { OutboundAction } from '../../../src/core/events.js';
import { FlowEngine, type StepOutput } from '../../../src/flows/engine/engine.js';
import { countField, textField } from '../../../src/flows/engine/fields.js';
import { defineForm } from '../../../src/flows/engine/form.js';
import { ledgerForm } from '../../../src/flows/forms/ledger/form.js';
import type { ConversationState } from '../../../src/flows/engine/state.js';

const now = new Date('2026-11-23T10:00:00+08:00');
const noteForm = defineForm({
  id: 'note',
  title: '测试表',
  triggers: ['测试'],
  fields: [
    textField({ key: 'a', label: '名称', prompt: '名称？', max: 10 }),
    textField({ key: 'b', label: '备注', prompt: '备注？', max: 10, optional: true }),
    countField({ key: 'c', label: '人数', prompt: '人数？' }),
  ],
});

const text = (a: OutboundAction): string => (a.kind === 'file' ? a.fileName : a.text);

/** Drives the engine like a chat: returns every step's output, the last one last. */
function chat(
  lines: string[],
  engine = new FlowEngine({ forms: [ledgerForm, noteForm], timezone: 'Asia/Shanghai', newId: () => 'draft-1' }),
) {
  let state: ConversationState | null = null;
  const outs: StepOutput[] = [];
  for (const line of lines) {
    const out = engine.step(state, { text: line, now });
    outs.push(out);
    state = out.state;
  }
  const last = outs.at(-1)!;
  return { outs, last, state, said: last.replies.map(text).join('\n') };
}

describe('ledger conversation', () => {
  it('asks the six fields in the seed order and saves only on 确认', () => {
    const { outs, last } = chat(['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好']);
    const prompts = outs.map((o) => text(o.replies.at(-1)!));
    expect(prompts.slice(0, 6).map((p) => /】(.+?)：/.exec(p)?.[1])).toEqual([
      '时间',
      '地点',
      '帮扶活动形式',
      '内容',
      '参加人次',
      '服务效果',
    ]);
    expect(outs.every((o) => o.save === undefined)).toBe(true);
    expect(text(last.replies[0]!)).toContain('请核对《工作台账》');
    const done = chat(['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好', '确认']).last;
    expect(done.save).toEqual({
      form: 'ledger',
      id: 'draft-1',
      values: {
        date: '2026-11-22',
        place: '光东村',
        activityForm: '技术培训',
        content: '水稻育秧技术',
        participants: 45,
        effect: '群众反映良好',
      },
    });
    expect(done.state).toBeNull();
  });

  it('offers the activity forms as choices', () => {
    const { last } = chat(['台账', '昨天', '光东村']);
    const a = last.replies[0]!;
    expect(a.kind).toBe('choices');
    if (a.kind === 'choices')
      expect(a.choices.map((c) => c.label)).toEqual(['技术培训', '现场指导', '咨询服务', '科普讲座', '项目对接', '其他']);
  });

  it('rejects bad input with a Chinese reason and asks the same field again', () => {
    const { last, state } = chat(['台账', '昨天', '光东村', '1', '水稻育秧', '很多人']);
    expect(last.replies.map(text)).toEqual([
      expect.stringContaining('「参加人次」没有填好：请写一个人数'),
      expect.stringContaining('【5/6】参加人次'),
    ]);
    expect(state?.cursor).toBe(4);
  });

  it('上一步 goes back one field and keeps what was typed', () => {
    const { said, state } = chat(['台账', '昨天', '光东村', '上一步']);
    expect(said).toContain('【2/6】地点');
    expect(state?.values.place).toBe('光东村');
    expect(chat(['台账', '上一步']).said).toContain('已经是第一项');
  });

  it('跳过 is refused for a required field', () => {
    const { said, state } = chat(['台账', '跳过']);
    expect(said).toContain('「时间」是必填项，不能跳过');
    expect(state?.cursor).toBe(0);
  });

  it('修改 from the review changes one field and returns to the review', () => {
    const base = ['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好'];
    const { said, state } = chat([...base, '修改 地点', '光西村']);
    expect(said).toContain('请核对');
    expect(said).toContain('2. 地点：光西村');
    expect(state?.values.place).toBe('光西村');
    expect(chat([...base, '修改 5', '60']).said).toContain('5. 参加人次：60人次');
    expect(chat([...base, '修改 9']).said).toContain('没有第 9 项（共 6 项）');
  });

  it('an answer that starts with 修改 but names no field is taken as the answer', () => {
    const { state } = chat(['台账', '昨天', '光东村', '1', '修改了种植方案']);
    expect(state?.values.content).toBe('修改了种植方案');
    expect(chat(['台账', '昨天', '改良土壤']).state?.values.place).toBe('改良土壤');
  });

  it('查看 shows what is filled and what is not, then asks again', () => {
    const { said } = chat(['台账', '昨天', '查看']);
    expect(said).toContain('1. 时间：2026-11-22');
    expect(said).toContain('2. 地点：（未填）');
    expect(said).toContain('【2/6】地点');
  });

  it('确认 before the end names the missing fields', () => {
    const { said, last } = chat(['台账', '昨天', '确认']);
    expect(said).toContain('还有必填项未填：地点、帮扶活动形式、内容、参加人次、服务效果');
    expect(last.save).toBeUndefined();
  });

  it('取消 closes the draft (kept aside only for 恢复)', () => {
    const { said, state } = chat(['台账', '昨天', '取消']);
    expect(said).toContain('已取消《工作台账》');
    expect(state?.discardedAt).toBe(now.getTime());
    expect(chat(['台账', '昨天', '取消', '查看']).said).toContain('没有听懂');
  });

  it('帮助 inside a form lists the commands and repeats the question', () => {
    const { said } = chat(['台账', '帮助']);
    expect(said).toContain('上一步');
    expect(said).toContain('【1/6】时间');
  });

  it('one-line entry fills every field and goes straight to the review', () => {
    const { last, state } = chat(['台账 2026年11月20日 光东村 技术培训 水稻育秧技术 45人 群众反映良好']);
    expect(state?.values).toEqual({
      date: '2026-11-20',
      place: '光东村',
      activityForm: '技术培训',
      content: '水稻育秧技术',
      participants: 45,
      effect: '群众反映良好',
    });
    expect(text(last.replies[0]!)).toContain('请核对');
  });

  it('one-line entry asks for what it could not read', () => {
    const { said, state } = chat(['台账 昨天 光东村 技术培训 水稻育秧技术 好多人']);
    expect(said).toContain('没能识别');
    expect(said).toContain('参加人次');
    expect(state?.values.content).toBe('水稻育秧技术');
    expect(state?.cursor).toBe(4);
  });

  it('one-line surplus words join the last field', () => {
    const { state } = chat(['台账 昨天 光东村 1 育秧 45 群众 反映 良好']);
    expect(state?.values.effect).toBe('群众 反映 良好');
  });

  it('outside a form, unknown text gets a hint and 帮助 lists the forms', () => {
    expect(chat(['你好']).said).toContain('发送「帮助」');
    expect(chat(['帮助']).said).toContain('发送「台账」填写《工作台账》');
    expect(chat(['取消']).said).toContain('没有正在填写');
  });

  it('opening a form while one is open keeps the draft and says so', () => {
    const { said, state } = chat(['台账', '昨天', '台账']);
    expect(said).toContain('未完成的《工作台账》');
    expect(state?.values.date).toBe('2026-11-22');
  });
});

describe('optional fields', () => {
  it('跳过 skips an optional field, the review marks it, and 修改 can fill it later', () => {
    const { said, state } = chat(['测试', '甲', '跳过', '3']);
    expect(said).toContain('2. 备注：（已跳过）');
    expect(state?.values.b).toBeUndefined();
    const later = chat(['测试', '甲', '跳过', '3', '修改 备注', '补充']);
    expect(later.said).toContain('2. 备注：补充');
    expect(chat(['测试', '甲', '跳过', '3', '确认']).last.save?.values).toEqual({ a: '甲', c: 3 });
  });
});
