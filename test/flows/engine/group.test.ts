import { describe, expect, it } from 'vitest';
import type { OutboundAction } from '../../../src/core/events.js';
import { FlowEngine } from '../../../src/flows/engine/engine.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import type { ConversationState } from '../../../src/flows/engine/state.js';

const now = new Date('2026-11-23T10:00:00+08:00');
const text = (a: OutboundAction): string => (a.kind === 'file' ? a.fileName : a.text);
const HEAD = ['工作安排', '和龙市', '王强', '13812345678', '吉林农业大学', '教授'];

function chat(lines: string[]) {
  const engine = new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai' });
  let state: ConversationState | null = null;
  let said = '';
  for (const l of lines) {
    const out = engine.step(state, { text: l, now });
    state = out.state;
    said = out.replies.map(text).join('\n');
  }
  const rows = (k: string) => (state?.values[k] as Record<string, unknown>[] | undefined) ?? [];
  return { state, said, rows };
}

describe('repeating groups (工作队人员组成, 活动安排, 联系帮扶贫困村)', () => {
  it('asks the first row column by column as soon as the group is reached', () => {
    const { said, state } = chat(HEAD);
    expect(said).toContain('【6/7】扶贫工作队人员组成');
    expect(said).toContain('【专家1】(1/5) 姓名');
    expect(state?.sub).toMatchObject({ mode: 'row', row: -1, col: 0 });
  });

  it('adds a row typed on one line, or column by column, and shows the rows so far', () => {
    const { said, rows } = chat([
      ...HEAD,
      '王强 吉林农大 教授 52 13812345678',
      '添加',
      '李明',
      '延边农科院',
      '研究员',
      '41',
      '13912345678',
    ]);
    expect(rows('members')).toHaveLength(2);
    expect(said).toContain('已记下专家2：姓名 李明');
    expect(said).toContain('专家1：姓名 王强，单位 吉林农大，职称 教授，年龄 52岁');
    expect(said).toContain('回复「完成」进入下一项');
  });

  it('a bad column is asked again with its reason; a partly valid one-line row asks what is missing', () => {
    expect(chat([...HEAD, '王强', '吉林农大', '教授', '很老']).said).toContain('「年龄」没有填好');
    const partial = chat([...HEAD, '王强 吉林农大 教授 很老 13812345678']);
    expect(partial.said).toContain('没能识别');
    expect(partial.said).toContain('(4/5) 年龄');
    expect(chat([...HEAD, '王强 吉林农大 教授 很老 13812345678', '52']).rows('members')[0]).toMatchObject({
      age: 52,
      phone: '13812345678',
    });
  });

  it('改 N walks a row keeping answers with 不变; 删除 N removes one', () => {
    const base = [...HEAD, '王强 吉林农大 教授 52 13812345678', '李明 延边农科院 研究员 41 13912345678'];
    const edited = chat([...base, '改 2', '不变', '不变', '副研究员', '不变', '不变']);
    expect(edited.rows('members')[1]).toMatchObject({ name: '李明', title: '副研究员', age: 41 });
    const deleted = chat([...base, '删除 1']);
    expect(deleted.rows('members').map((r) => r.name)).toEqual(['李明']);
    expect(chat([...base, '删除 5']).said).toContain('没有第 5 个专家（现有 2 个）');
  });

  it('取消 inside a row drops only that row; 完成 needs at least one row', () => {
    const { rows, said, state } = chat([...HEAD, '王强 吉林农大 教授 52 13812345678', '添加', '李明', '取消']);
    expect(rows('members')).toHaveLength(1);
    expect(said).toContain('已放弃这个专家');
    expect(state).not.toBeNull();
    const empty = chat([...HEAD, '王强', '取消', '完成']);
    expect(empty.said).toContain('至少要填 1 个专家');
  });

  it('menu words inside a row are not taken as answers', () => {
    expect(chat([...HEAD, '王强', '吉林农大', '完成']).said).toContain('正在填写一个专家，请先填完');
  });

  it('完成 moves on; 修改 6 from the review reopens the group at its menu and returns to the review', () => {
    const done = [...HEAD, '王强 吉林农大 教授 52 13812345678', '完成', '12月上旬 光东村 水稻育秧', '完成'];
    const review = chat(done);
    expect(review.said).toContain('请核对《扶贫工作队工作安排表》');
    expect(review.said).toContain('6. 扶贫工作队人员组成：共 1 个专家');
    const again = chat([...done, '修改 6', '李明 延边农科院 研究员 41 13912345678', '完成']);
    expect(again.rows('members')).toHaveLength(2);
    expect(again.said).toContain('请核对');
    expect(again.said).toContain('共 2 个专家');
  });

  it('上一步 at a group menu goes back to the field before it', () => {
    const { said, state } = chat([...HEAD, '王强 吉林农大 教授 52 13812345678', '上一步']);
    expect(said).toContain('【5/7】带队人员职务');
    expect(state?.sub).toBeUndefined();
    expect((state?.values.members as unknown[]).length).toBe(1);
  });
});
