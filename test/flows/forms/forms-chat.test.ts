import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/events.js';
import { ALICE, BOB } from '../../helpers/harness.js';
import { FILE, RUNS, type Step } from '../../fixtures/answers.js';
import { chat, COORD, GROUP, makeFormsHarness, sendFile, testConfig, type FormsHarness } from '../../fixtures/forms-harness.js';
import { writeJpeg } from '../../fixtures/jpeg.js';

const open: FormsHarness[] = [];
const harness = (o: Parameters<typeof makeFormsHarness>[0] = {}): FormsHarness => {
  const h = makeFormsHarness(o);
  open.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const DM = (user: { id: string }): ChatRef => ({ id: `dm-${user.id}`, kind: 'private' });

/** Plays a form's chat; FILE steps send a real file from disk through the fetcher and blob store. */
async function fill(
  h: FormsHarness,
  form: string,
  over: { user?: typeof ALICE; chat?: ChatRef; replace?: Record<number, string> } = {},
): Promise<void> {
  const steps: Step[] = [...RUNS[form]!];
  for (const [i, v] of Object.entries(over.replace ?? {})) steps[Number(i)] = v;
  const ev = { ...(over.user ? { user: over.user } : {}), ...(over.chat ? { chat: over.chat } : {}) };
  for (const s of steps) {
    if (s === FILE) {
      const big = form === 'exhibit';
      const file = writeJpeg(path.join(h.dir, big ? 'IMG_0001.JPG' : 'photo.jpg'), big ? 2_200_000 : 30_000);
      await sendFile(h, file, big ? '光东村专家田间指导水稻育秧' : '', { ...ev, kind: big ? 'file' : 'image' });
    } else await chat(h, [s], ev);
  }
}

const roles = { roles: { 'test:u-coord': ['coordinator', 'unit', 'county-fpb', 'county-kx', 'city-kx'], 'test:u-bob': ['unit'] } };

describe('photos and files through the dispatcher', () => {
  it('stores the bytes outside the record, keeps a sniffed reference, and refuses a small exhibition JPG', async () => {
    const h = harness();
    await fill(h, 'exhibit');
    const [rec] = await h.all('exhibit');
    const image = rec!.values.image as { id: string; size: number; format: string };
    expect(image.format).toBe('jpeg');
    expect(image.size).toBeGreaterThanOrEqual(2_200_000);
    expect((await h.blobs.get(image.id)).length).toBe(image.size);
    expect(JSON.stringify(rec).length).toBeLessThan(2000);
    expect(rec!.values.caption).toBe('光东村专家田间指导水稻育秧');
    await chat(h, ['展览', '1']);
    await sendFile(h, writeJpeg(path.join(h.dir, 'small.jpg'), 500_000));
    expect(h.sink.texts().slice(-2).join('\n')).toContain('须不小于 2.0 MB');
  });
});

describe('amending a confirmed record', () => {
  it('the author reopens it, changes a box, and the change is kept with who, when, before and after', async () => {
    const h = harness();
    await fill(h, 'ledger');
    const [rec] = await h.all('ledger');
    const short = rec!.id.slice(0, 8);
    expect(h.sink.texts().join('\n')).toContain(`修改记录 ${short}`);
    await chat(h, [`修改记录 ${short}`]);
    expect(h.sink.last()).toContain(`请核对对《工作台账》（编号 ${short}）的修改`);
    await chat(h, ['修改 地点', '光西村', '修改 7', '3', '确认']);
    expect(h.sink.last()).toContain('修改前后的内容都已留档');
    const [after, ...more] = await h.all('ledger');
    expect(more).toHaveLength(0);
    expect(after).toMatchObject({
      id: rec!.id,
      rev: 2,
      values: { place: '光西村', hours: 3 },
      meta: rec!.meta,
      updatedBy: { userName: '李明' },
    });
    const history = await h.records.history('ledger', rec!.id);
    expect(history).toEqual([
      expect.objectContaining({ op: 'amend', rev: 2, byName: '李明', before: { place: '光东村' }, after: { place: '光西村', hours: 3 } }),
    ]);
    await chat(h, [`修改历史 ${short}`]);
    expect(h.sink.last()).toContain('地点：光东村 → 光西村');
  });

  it('only the author can reopen; a draft in progress must be finished first; 取消 leaves the record as it was', async () => {
    const h = harness();
    await fill(h, 'ledger');
    const [rec] = await h.all('ledger');
    const short = rec!.id.slice(0, 8);
    await chat(h, [`修改记录 ${short}`], { user: BOB });
    expect(h.sink.last('u-bob')).toContain('只能修改自己提交的记录');
    await chat(h, ['台账', `修改记录 ${short}`]);
    expect(h.sink.last()).toContain('请先「确认」或「取消」');
    await chat(h, ['取消', `修改记录 ${short}`, '修改 2', '光西村', '取消']);
    expect(h.sink.last()).toContain('原记录保持不变');
    expect((await h.all('ledger'))[0]!.values.place).toBe('光东村');
  });

  it('a record past its form’s deadline cannot be reopened', async () => {
    const h = harness({ config: testConfig({ amendDeadlines: { ledger: '2026-11-01' } }) });
    await fill(h, 'ledger');
    const [rec] = await h.all('ledger');
    await chat(h, [`修改记录 ${rec!.id.slice(0, 8)}`]);
    expect(h.sink.last()).toContain('截止日期（2026-11-01）已过');
  });

  it('an edit that loses a race with an approval is not saved over it', async () => {
    const h = harness({ config: testConfig(roles) });
    await fill(h, 'project-person');
    const [rec] = await h.all('project-person');
    const short = rec!.id.slice(0, 8);
    await chat(h, [`修改记录 ${short}`, '修改 项目名称', '新名称']);
    await chat(h, [`审核通过 ${short} 同意`], { user: COORD, chat: DM(COORD) });
    await chat(h, ['确认']);
    expect(h.sink.last('u-alice')).toContain('本次修改没有保存');
    const [now] = await h.all('project-person');
    expect(now!.values.projectName).toBe('水稻绿色高产技术帮扶');
    expect(now!.approval?.stage).toBe(1);
  });
});

describe('the 项目书 sign-off chain', () => {
  it('each stage is approved by its role in order; the filer is told each time; an approved record is locked', async () => {
    const h = harness({ config: testConfig(roles) });
    await fill(h, 'project-person');
    const [rec] = await h.all('project-person');
    const short = rec!.id.slice(0, 8);
    expect(rec).toMatchObject({ status: 'pending', approval: { stage: 0, steps: [] } });
    await chat(h, ['待审核'], { user: BOB, chat: DM(BOB) });
    expect(h.sink.last('u-bob')).toContain(`${short}｜项目书（二）｜水稻绿色高产技术帮扶（李明）｜所在单位意见`);
    await chat(h, [`审核通过 ${short} 同意申报`], { user: BOB, chat: DM(BOB) });
    expect(h.sink.last('u-bob')).toContain('已在「所在单位意见」审核通过');
    const told = h.sink.sent
      .filter((s) => s.target.user?.id === 'u-alice' && s.target.chat.id === 'g1')
      .map((s) => (s.action.kind === 'text' ? s.action.text : ''));
    expect(told.at(-1)).toContain('已通过「所在单位意见」（王芳：同意申报）。下一步：县扶贫办核审意见');
    // Bob holds only `unit`: the next stage is not his.
    await chat(h, [`审核通过 ${short}`], { user: BOB, chat: DM(BOB) });
    expect(h.sink.last('u-bob')).toContain('需要「县扶贫办」角色审核');
    for (const _ of [1, 2, 3]) await chat(h, [`审核通过 ${short}`], { user: COORD, chat: DM(COORD) });
    const [done] = await h.all('project-person');
    expect(done).toMatchObject({ status: 'approved', approval: { stage: 4 } });
    expect(done!.approval!.steps.map((s) => s.label)).toEqual(['所在单位意见', '县扶贫办核审意见', '县级科协意见', '市级科协意见']);
    expect(h.sink.texts('u-alice').join('\n')).toContain('已全部审核通过 ✅');
    await chat(h, [`修改记录 ${short}`]);
    expect(h.sink.last()).toContain('已审核通过，不能再修改');
  });

  it('a return needs a reason, reaches the filer, and the amended record starts the chain again', async () => {
    const h = harness({ config: testConfig(roles) });
    await fill(h, 'project-unit');
    const [rec] = await h.all('project-unit');
    const short = rec!.id.slice(0, 8);
    await chat(h, [`审核通过 ${short}`, `退回 ${short}`], { user: COORD, chat: DM(COORD) });
    expect(h.sink.last('u-coord')).toContain('退回时请写明理由');
    await chat(h, [`退回 ${short} 项目内容请写明场次`], { user: COORD, chat: DM(COORD) });
    expect(h.sink.texts('u-alice').at(-1)).toContain('在「县扶贫办核审意见」被退回。理由（赵协调）：项目内容请写明场次');
    expect((await h.all('project-unit'))[0]).toMatchObject({ status: 'returned' });
    await chat(h, [`审核通过 ${short}`], { user: COORD, chat: DM(COORD) });
    expect(h.sink.last('u-coord')).toContain('已退回给填报人修改');
    await chat(h, [`修改记录 ${short}`, '修改 项目名称', '冬季科普大讲堂（8场）', '确认']);
    const [again] = await h.all('project-unit');
    expect(again).toMatchObject({ status: 'pending', rev: 4, approval: { stage: 0 } });
    expect(again!.approval!.steps.map((s) => s.decision)).toEqual(['approve', 'return']);
    const ops = (await h.records.history('project-unit', rec!.id)).map((e) => e.op);
    expect(ops).toEqual(['approve', 'return', 'amend']);
  });

  it('changing a half-approved 项目书 sends it through the whole chain again', async () => {
    const h = harness({ config: testConfig(roles) });
    await fill(h, 'project-person');
    const [rec] = await h.all('project-person');
    const short = rec!.id.slice(0, 8);
    await chat(h, [`审核通过 ${short}`, `审核通过 ${short}`], { user: COORD, chat: DM(COORD) });
    expect((await h.all('project-person'))[0]!.approval!.stage).toBe(2);
    await chat(h, [`修改记录 ${short}`, '修改 项目类别', '3', '确认']);
    expect((await h.all('project-person'))[0]).toMatchObject({
      status: 'pending',
      approval: { stage: 0 },
      values: { category: '科普教育类' },
    });
  });

  it('someone without a role cannot approve', async () => {
    const h = harness();
    await fill(h, 'project-unit');
    const [rec] = await h.all('project-unit');
    await chat(h, [`审核通过 ${rec!.id.slice(0, 8)}`], { user: BOB });
    expect(h.sink.last('u-bob')).toContain('您没有这个角色');
  });
});

describe('checks that need the store', () => {
  it('per-unit quota (000): the second individual nomination is refused at 确认 and the draft kept', async () => {
    const h = harness();
    await fill(h, 'individual');
    expect(h.sink.texts().join('\n')).toContain('已保存《先进个人推荐表》');
    await fill(h, 'individual', { user: BOB, replace: { 1: '王芳', 2: '女', 6: '11010519491231002X' } });
    expect(h.sink.texts('u-bob').join('\n')).toContain('先进个人（每单位）名额已满（已有 1 份，上限 1 份）');
    expect(await h.records.count({ form: 'individual' })).toBe(1);
    await chat(h, ['查看'], { user: BOB });
    expect(h.sink.last('u-bob')).toContain('请核对《先进个人推荐表》');
    await chat(h, ['进度']);
    expect(h.sink.last()).toContain('先进个人（每单位）：已推荐 1 / 上限 1（已满）');
  });

  it('per-province quota (001): a key province may recommend up to 2 teams', async () => {
    const h = harness({ config: testConfig({ quotas: { nominations: { scheme: 'province', province: '吉林' } } }) });
    await fill(h, 'team');
    await fill(h, 'team', { user: BOB, replace: { 1: '延边农科院团队' } });
    expect(await h.records.count({ form: 'team' })).toBe(2);
    await chat(h, ['进度']);
    expect(h.sink.last()).toContain('先进团队（吉林，扶贫重点省份）：已推荐 2 / 1-2');
    const other = harness({ config: testConfig({ quotas: { nominations: { scheme: 'province', province: '北京' } } }) });
    await fill(other, 'team');
    await fill(other, 'team', { user: BOB });
    expect(other.sink.texts('u-bob').join('\n')).toContain('名额已满（已有 1 份，上限 1 份）');
  });

  it('the Shandong 名额分配表: a city’s project quota is checked by the address', async () => {
    const h = harness({ config: testConfig({ quotas: { projects: { byCity: { 临沂: 1, 菏泽: 44 } } } }) });
    await fill(h, 'project-person');
    await fill(h, 'project-person', { user: BOB, replace: { 1: '王芳' } });
    expect(h.sink.texts('u-bob').join('\n')).toContain('临沂市项目书名额已满（已有 1 份，上限 1 份）');
    await chat(h, ['进度']);
    expect(h.sink.last()).toContain('项目书名额（山东省名额分配表）：已申报 1 / 45');
    expect(h.sink.last()).toContain('临沂：已推荐 1 / 上限 1（已满）');
  });

  it('a 先进个人 nomination shows the nominee’s logged hours against 800 and warns below it without blocking', async () => {
    const h = harness({ config: testConfig({ quotas: { nominations: { scheme: 'none' } } }) });
    await chat(h, ['专家登记', '延边农科院', '李明', '研究员', '41', '13912345678', '水稻', '光东村', '确认'], { user: BOB });
    await chat(h, ['台账 昨天 光东村 1 育秧 45 好', '修改 7', '6', '确认'], { user: BOB });
    await chat(h, ['日志', '前天', '线上答疑', '2.5', '确认'], { user: BOB });
    await fill(h, 'individual');
    const said = h.sink.texts('u-alice').join('\n');
    expect(said).toContain('「李明」近一年台账和日志记录时长只有 8.5 小时，低于先进个人每年 800 小时的标准');
    expect(await h.records.count({ form: 'individual' })).toBe(1);
    await chat(h, ['进度'], { user: BOB });
    expect(h.sink.last('u-bob')).toContain('您近一年记录的帮扶时长：8.5 / 800 小时');
  });

  it('one 一村一品 survey per village per group; a household survey names the village it links to', async () => {
    const h = harness();
    await fill(h, 'village');
    await fill(h, 'village', { user: BOB });
    expect(h.sink.texts('u-bob').join('\n')).toContain('本群已有这个村的一村一品调查表');
    // A long draft: 取消 asks once before throwing it away.
    await chat(h, ['取消', '确定取消'], { user: BOB });
    await fill(h, 'household');
    expect(h.sink.texts().join('\n')).toContain('已关联本群《一村一品调查表》「光东村」');
    await fill(h, 'household', { user: BOB, replace: { 1: '光西村' } });
    expect(h.sink.texts('u-bob').join('\n')).toContain('本群还没有「光西村」的《一村一品调查表》');
    expect(await h.records.count({ form: 'household' })).toBe(2);
  });
});

describe('专家名单', () => {
  it('lists the group’s experts with phones masked to members, in full to a coordinator in private', async () => {
    const h = harness({ config: testConfig(roles) });
    await fill(h, 'expert');
    await chat(h, ['专家名单'], { user: BOB });
    expect(h.sink.last('u-bob')).toContain('1. 王强｜吉林农业大学｜教授｜52岁｜138****5678｜水稻栽培｜服务村：光东村、光西村');
    await chat(h, ['专家名单'], { user: COORD });
    expect(h.sink.last('u-coord')).toContain('138****5678');
    expect(h.sink.last('u-coord')).toContain('私聊机器人');
    await chat(h, ['/experts'], { user: COORD, chat: DM(COORD) });
    expect(h.sink.last('u-coord')).toContain('13812345678｜水稻栽培｜服务村：光东村、光西村｜光东村帮扶群');
    await chat(h, ['/experts'], { user: ALICE, chat: DM(ALICE) });
    expect(h.sink.last('u-alice')).toContain('请在帮扶群里发送「专家名单」');
  });

  it('ID numbers and phones are masked in every reply of a form, in groups and in private', async () => {
    const h = harness();
    await fill(h, 'individual');
    const all = h.sink.texts().join('\n');
    expect(all).toContain('220403********0015');
    expect(all).not.toContain('220403198507150015');
    expect(all).not.toContain('13912345678');
  });
});

describe('drafts of an older version', () => {
  it('are dropped with a polite word, not misread', async () => {
    const h = harness();
    await h.redis.set(
      `${h.prefix}conv:test:g1:u-alice:state`,
      JSON.stringify({ v: 1, form: 'ledger', draftId: 'x', cursor: 2, values: {}, skipped: [], returnToReview: false, startedAt: 0 }),
    );
    await chat(h, ['光东村']);
    expect(h.sink.texts()[0]).toContain('表格已更新，您之前未完成的草稿无法继续');
  });
});

export { GROUP };

describe('导出 in chat', () => {
  it('a coordinator gets an official file in private; members are refused; a bare /export in a group is the group ledger', async () => {
    const h = harness({ config: testConfig(roles) });
    await fill(h, 'individual');
    await fill(h, 'ledger');
    await chat(h, ['导出 先进个人'], { user: COORD, chat: DM(COORD) });
    const file = h.sink.sent.at(-1)!.action;
    expect(file.kind).toBe('file');
    if (file.kind === 'file') {
      expect(file.fileName).toBe('先进个人推荐表-01-李明（延边农业科学研究院）.docx');
      expect(file.caption).toBe('《先进个人推荐表》共 1 条');
    }
    await chat(h, ['导出 先进个人'], { user: COORD });
    expect(h.sink.last('u-coord')).toContain('请私聊机器人');
    await chat(h, ['导出 先进个人'], { user: ALICE, chat: DM(ALICE) });
    expect(h.sink.last('u-alice')).toContain('仅限协调员');
    await chat(h, ['导出 不存在的表'], { user: COORD, chat: DM(COORD) });
    expect(h.sink.last('u-coord')).toContain('用法：导出 表名');
    h.sink.clear();
    await chat(h, ['/export']);
    expect(h.sink.sent.at(-1)?.action).toMatchObject({ kind: 'file', fileName: expect.stringMatching(/^工作台账-光东村帮扶群-/) });
  });
});
