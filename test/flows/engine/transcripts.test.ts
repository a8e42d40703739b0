import { PassThrough } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../src/bot/console/bot.js';
import { fixedClock } from '../../../src/core/clock.js';
import type { StoredRecord } from '../../../src/store/records.js';
import { RUNS } from '../../fixtures/answers.js';
import { makeFormsHarness, type FormsHarness } from '../../fixtures/forms-harness.js';
import { writeJpeg } from '../../fixtures/jpeg.js';
import { waitUntil } from '../../bot/groupchat/app.js';
import { GROUP_ID, openQq, type QqWorld } from '../../bot/qq/world.js';

/**
 * Issue 12, point by point, as transcripts through the real dispatcher: the same lines typed on the
 * console (ConsoleAdapter, one line a message) and over QQ (OneBot 11 over a real WebSocket to the
 * stand-in, in a group, the first line @-mentioning the bot). Each case checks what the bot said and
 * what the record holds. The clock is 2026-11-23 10:00 in Beijing (a Monday; November has no 31st).
 */

interface Channel {
  name: 'console' | 'qq';
  /** Sends the lines as one member, one message each; every reply to that member, in order. */
  run(lines: readonly string[], user: number): Promise<string[]>;
  records(form: string, user: number): Promise<StoredRecord[]>;
}

async function consoleChannel(h: FormsHarness): Promise<Channel> {
  await h.ready;
  return {
    name: 'console',
    async run(lines, user) {
      const replies: string[] = [];
      // One adapter per line, so each line's answer (all its messages) is one entry of the transcript.
      for (const line of lines) {
        const input = new PassThrough();
        const output = new PassThrough();
        let said = '';
        output.on('data', (c: Buffer) => (said += c.toString('utf8')));
        const adapter = new ConsoleAdapter(h.dispatcher, {
          user: { id: `u${user}`, name: `专家${user}` },
          group: '光东村帮扶群',
          input,
          output,
          interactive: false,
        });
        const done = adapter.run();
        input.end(`${line}\n`);
        await done;
        replies.push(
          said
            .split('帮扶> ')
            .map((x) => x.trim())
            .filter(Boolean)
            .join('\n'),
        );
      }
      return replies;
    },
    async records(form, user) {
      return (await h.all(form)).filter((r) => r.meta.userId === `u${user}`);
    },
  };
}

function qqChannel(w: QqWorld): Channel {
  return {
    name: 'qq',
    async run(lines, user) {
      const start = w.repliesTo(user).length;
      for (const [i, line] of lines.entries()) {
        const before = w.repliesTo(user).length;
        w.say(user, `专家${user}`, line, i === 0);
        await waitUntil(() => w.repliesTo(user).length > before, `a reply to「${line}」`);
        // Every message of the step is in the outbox at once: when it is empty, all of them were sent.
        await waitUntil(async () => (await w.surface.chat.outbox.pending()) === 0, 'the outbox to drain');
      }
      return w.repliesTo(user).slice(start);
    },
    async records(form, user) {
      const out: StoredRecord[] = [];
      for await (const r of w.t.app.records.scan({ form, chatKey: w.chatKey(GROUP_ID) })) if (r.meta.userId === String(user)) out.push(r);
      return out;
    },
  };
}

interface Case {
  point: string;
  name: string;
  lines: readonly string[];
  /** Only where the platform can type it (the console reads one line a message). */
  only?: Channel['name'];
  said?: (all: string, replies: string[]) => void;
  saved?: { form: string; values: Record<string, unknown> };
  nothingSaved?: string;
}

const FREE = '昨天去光东村给村民示范了一下草莓种植，来了30人，大家很满意';
const THREE_LINES = '上午：走访光东村5户贫困户；\n下午：指导大棚草莓管理（温度、湿度）！\n\n晚上整理台账。';
const withStep = (form: string, i: number, v: string): string[] => {
  const steps = [...(RUNS[form] as string[])];
  steps[i] = v;
  return steps;
};

const CASES: Case[] = [
  {
    point: '12.1',
    name: 'full-width punctuation kept in every text box of the ledger',
    lines: ['台账', '昨天', '龙井市，推广（示范）基地', '1', '水稻育秧；分两批：上午、下午！', '45人', '群众反映良好，“很实用”。', '确认'],
    saved: {
      form: 'ledger',
      values: { place: '龙井市，推广（示范）基地', content: '水稻育秧；分两批：上午、下午！', effect: '群众反映良好，“很实用”。' },
    },
  },
  {
    point: '12.1',
    name: 'a three-line 工作日志 keeps its lines and paragraphs',
    only: 'qq',
    lines: ['日志', '昨天', THREE_LINES, '6', '确认'],
    saved: { form: 'worklog', values: { note: THREE_LINES, hours: 6 } },
  },
  {
    point: '12.1',
    name: 'the one-line entry keeps each value as typed',
    lines: ['台账 昨天 龙井市，光东村 技术培训 水稻育秧（二期） 45人 群众反映良好！', '确认'],
    saved: { form: 'ledger', values: { place: '龙井市，光东村', content: '水稻育秧（二期）', effect: '群众反映良好！', participants: 45 } },
  },
  {
    point: '12.1',
    name: 'repeating-row cells and 其他 keep what was typed',
    lines: withStep('teamplan', 6, '王强 吉林农大（农学院） 教授 52 13812345678'),
    saved: {
      form: 'teamplan',
      values: { members: [{ name: '王强', unit: '吉林农大（农学院）', title: '教授', age: 52, phone: '13812345678' }, expect.anything()] },
    },
  },
  {
    point: '12.1',
    name: '其他：… is kept as typed',
    lines: withStep('ledger', 3, '其他：入户走访，座谈'),
    saved: { form: 'ledger', values: { activityForm: '其他：入户走访，座谈' } },
  },
  {
    point: '12.2',
    name: 'every guess is shown (查看 too), accepted with 对 and 是的, and only the guessed values are stored',
    lines: [FREE, '查看', '对', '是的', '确认'],
    said: (all, replies) => {
      expect(replies[0]).toContain('现场指导（待确认）');
      expect(replies[0]).toContain('草莓种植（待确认）');
      expect(all).toContain('我理解为「现场指导」，对的话请回复「对」');
      expect(all).toContain('我理解为「草莓种植」');
      const view = replies.find((r) => r.includes('当前草稿'))!;
      expect(view).toContain('3. 帮扶活动形式：现场指导（待确认）');
      expect(view).toContain('4. 内容：草莓种植（待确认）');
    },
    saved: {
      form: 'ledger',
      values: { date: '2026-11-22', place: '光东村', activityForm: '现场指导', content: '草莓种植', participants: 30 },
    },
  },
  ...['对', '是', '好', '嗯', '没错', '确认'].map((yes): Case => ({
    point: '12.2',
    name: `「${yes}」 accepts a guess (and is never stored)`,
    lines: [FREE, yes, yes, '确认'],
    said: (all) => expect(all).not.toContain(`其他：${yes}`),
    saved: { form: 'ledger', values: { activityForm: '现场指导', content: '草莓种植' } },
  })),
  {
    point: '12.2',
    name: 'a guess is replaced by typing the real answer',
    lines: [FREE, '技术培训', '草莓育苗技术', '确认'],
    saved: { form: 'ledger', values: { activityForm: '技术培训', content: '草莓育苗技术' } },
  },
  {
    point: '12.3',
    name: '帮扶活动形式: a date is not 其他, the choices are asked again',
    lines: ['台账', '昨天', '光东村', '上个月15号', '45人'],
    said: (_all, r) => {
      expect(r[3]).toContain('「上个月15号」不像是一种形式');
      expect(r[3]).toContain('1.技术培训');
      expect(r[4]).toContain('「45人」不像是一种形式');
    },
    nothingSaved: 'ledger',
  },
  {
    point: '12.3',
    name: '政治面貌 (no 其他 on the form): 1978年3月 is refused with the choices',
    lines: ['先进个人', '李明', '男', '修改 5', '1978年3月', '1'],
    said: (_all, r) => {
      expect(r[4]).toContain('「政治面貌」没有填好：请回复序号或名称：1.中共党员');
      expect(r[5]).not.toContain('没有填好');
    },
  },
  {
    point: '12.4',
    name: '修改 99 at 地点 and at 时间: 没有第 99 项（共 6 项）, the question kept, nothing stored',
    lines: ['台账', '修改 99', '昨天', '修改 99', '光东村'],
    said: (_all, r) => {
      expect(r[1]).toContain('没有第 99 项（共 6 项）');
      expect(r[1]).toContain('【1/6】时间');
      expect(r[3]).toContain('没有第 99 项（共 6 项）');
      expect(r[3]).toContain('【2/6】地点');
      expect(r[4]).toContain('【3/6】帮扶活动形式');
    },
  },
  {
    point: '12.5',
    name: 'the one-line entry places a date, a count and a listed form wherever they stand',
    lines: ['台账 光东村 昨天 45人 技术培训', '水稻育秧技术', '群众反映良好', '确认'],
    said: (_all, r) => {
      expect(r.join('\n')).not.toContain('没能识别');
      expect(r[0]).toContain('【4/6】内容');
    },
    saved: {
      form: 'ledger',
      values: {
        date: '2026-11-22',
        place: '光东村',
        activityForm: '技术培训',
        content: '水稻育秧技术',
        participants: 45,
        effect: '群众反映良好',
      },
    },
  },
  {
    point: '12.6',
    name: '31号 in November (no 31st) is 31 October; 明天 is refused as in the future',
    lines: ['台账', '明天', '31号', '光东村', '1', '育秧', '45', '好', '确认'],
    said: (_all, r) => expect(r[1]).toContain('「时间」没有填好：日期不能晚于今天'),
    saved: { form: 'ledger', values: { date: '2026-10-31', effect: '好' } },
  },
  {
    point: '12.9',
    name: '年龄 五十二',
    lines: withStep('expert', 4, '五十二'),
    saved: { form: 'expert', values: { age: 52 } },
  },
  {
    point: '12.9',
    name: '家庭人口 4口',
    lines: withStep('household', 2, '朴大娘').map((l, i) => (i === 7 ? '4口' : l)),
    saved: { form: 'household', values: { members: 4 } },
  },
  {
    point: '12.9',
    name: '参加人次 50余人',
    lines: withStep('ledger', 5, '50余人'),
    saved: { form: 'ledger', values: { participants: 50 } },
  },
  {
    point: '12.9',
    name: '时长 两个半小时',
    lines: withStep('worklog', 3, '两个半小时'),
    saved: { form: 'worklog', values: { hours: 2.5 } },
  },
  {
    point: '12.10',
    name: '取消 on a long form asks once; 确定取消 discards; 恢复 brings it back where it was',
    lines: ((h) => [...h.slice(0, 8), '取消', '确定取消', '恢复', ...h.slice(8)])(withStep('household', 2, '崔顺子')),
    said: (_all, r) => {
      expect(r[8]).toContain('确定放弃已填的 7 项？回复「确定取消」');
      expect(r[9]).toContain('已取消《一户一策调查表》');
      expect(r[9]).toContain('回复「恢复」');
      expect(r[10]).toContain('已恢复《一户一策调查表》的草稿');
      expect(r[10]).toContain('【8/13】有劳动能力人口数');
    },
    saved: { form: 'household', values: { village: '光东村', household: '崔顺子', members: 4, laborers: 2 } },
  },
  {
    point: '12.10',
    name: 'a reply other than 确定取消 carries on with the form',
    lines: ((h) => [...h.slice(0, 8), '取消', ...h.slice(8)])(withStep('household', 2, '金大妈')),
    saved: { form: 'household', values: { laborers: 2 } },
  },
  {
    point: '12.11',
    name: '上一步 shows the current value of a text box and of a choice; 不变 keeps it; 不变 at an empty box is no answer',
    lines: ['台账', '昨天', '光东村', '1', '上一步', '不变', '上一步', '上一步', '不变', '不变', '育秧', '45', '好', '确认'],
    said: (_all, r) => {
      expect(r[4]).toContain('【3/6】帮扶活动形式');
      expect(r[4]).toContain('现为「技术培训」，不改请回复「不变」');
      expect(r[5]).toContain('【4/6】内容');
      expect(r[6]).toContain('现为「技术培训」');
      expect(r[7]).toContain('现为「光东村」');
      // Kept: on to the first box still empty.
      expect(r[8]).toContain('【4/6】内容');
      expect(r[9]).toContain('「不变」不是「内容」的内容');
    },
    saved: { form: 'ledger', values: { place: '光东村', activityForm: '技术培训', content: '育秧' } },
  },
];

const channels: Channel[] = [];
const opened: { close(): Promise<void> }[] = [];
let nextUser = 10_000;
/** One QQ world (stand-in, WebSocket, app) for the whole file: members are told apart by their QQ numbers. */
let w: QqWorld;

beforeAll(async () => {
  const h = makeFormsHarness();
  opened.push(h);
  channels.push(await consoleChannel(h));
  w = await openQq();
  opened.push(w);
  channels.push(qqChannel(w));
}, 60_000);
afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
});

describe.each(['console', 'qq'] as const)('issue 12 transcripts (%s)', (name) => {
  for (const c of CASES.filter((x) => !x.only || x.only === name)) {
    it(`${c.point} ${c.name}`, async () => {
      const ch = channels.find((x) => x.name === name)!;
      const user = ++nextUser;
      const replies = await ch.run(c.lines, user);
      c.said?.(replies.join('\n'), replies);
      if (c.saved) {
        const recs = await ch.records(c.saved.form, user);
        expect(recs, replies.join('\n---\n')).toHaveLength(1);
        expect(recs[0]!.values).toMatchObject(c.saved.values);
      }
      if (c.nothingSaved) expect(await ch.records(c.nothingSaved, user)).toHaveLength(0);
    });
  }
});

describe('issue 12 on the console only', () => {
  it('12.1 a photo caption is stored as typed', async () => {
    const h = makeFormsHarness();
    opened.push(h);
    const ch = await consoleChannel(h);
    const jpg = writeJpeg(path.join(h.dir, 'IMG_0002.JPG'), 2_300_000);
    await ch.run(['展览', '2', `/file ${jpg} 光东村：专家（田间）指导，水稻育秧！`, '确认'], 1);
    const [rec] = await ch.records('exhibit', 1);
    expect(rec!.values.caption).toBe('光东村：专家（田间）指导，水稻育秧！');
  });

  it('12.6 31号 typed on 5 March is 31 January, never clamped to 28 February', async () => {
    const h = makeFormsHarness({ clock: fixedClock('2026-03-05T10:00:00+08:00') });
    opened.push(h);
    const ch = await consoleChannel(h);
    await ch.run(['台账', '31号', '光东村', '1', '育秧', '45', '好', '确认'], 1);
    const [rec] = await ch.records('ledger', 1);
    expect(rec!.values.date).toBe('2026-01-31');
  });

  it('12.11 a reopened record shows the current value of the box 修改 picks', async () => {
    const h = makeFormsHarness();
    opened.push(h);
    const ch = await consoleChannel(h);
    await ch.run(RUNS.ledger as string[], 1);
    const [rec] = await ch.records('ledger', 1);
    const r = await ch.run([`修改记录 ${rec!.id.slice(0, 8)}`, '修改 3', '不变', '修改 5', '50余人', '确认'], 1);
    expect(r[1]).toContain('现为「技术培训」');
    expect(r[3]).toContain('现为「45人次」');
    const [after] = await ch.records('ledger', 1);
    expect(after!.values).toMatchObject({ activityForm: '技术培训', participants: 50 });
  });
});

describe('issue 12 over QQ only', () => {
  it('12.10 after a discard, the member’s group chatter is still ignored; 恢复 without @ is heard', async () => {
    const user = 77_001;
    const qq = qqChannel(w);
    await qq.run(['台账', '昨天', '光东村', '取消'], user);
    const before = w.repliesTo(user).length;
    w.say(user, '专家', '明天几点开会？');
    w.say(user, '专家', '恢复');
    await waitUntil(() => w.repliesTo(user).length > before, 'the answer to 恢复');
    await waitUntil(async () => (await w.surface.chat.outbox.pending()) === 0, 'the outbox to drain');
    const after = w.repliesTo(user).slice(before);
    expect(after[0]).toContain('已恢复《工作台账》的草稿');
    expect(after.join('\n')).not.toContain('没有听懂');
  });

  it('12.1 a message with line breaks and full-width text reaches the record unchanged through the OneBot decoder', async () => {
    const user = 77_002;
    const qq = qqChannel(w);
    const typed = '第一行：光东村，\n第二行（育秧）！';
    await qq.run(['台账', '昨天', '光东村', '1', typed, '45', '好', '确认'], user);
    const [rec] = await qq.records('ledger', user);
    expect(rec!.values.content).toBe(typed);
  });
});
