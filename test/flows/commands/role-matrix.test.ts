import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRef, OutboundAction } from '../../../src/core/events.js';
import { LEVELS } from '../../../src/domain/roles/model.js';
import { POLICY, type Action } from '../../../src/domain/roles/policy.js';
import { makeHarness, say, type Harness } from '../../helpers/harness.js';
import { expert, seedRecord } from '../../helpers/seed.js';

/**
 * Every permission-checked chat command × every role × a group inside and one outside the role's
 * scope, through the real dispatcher: an allowed command does its job, a refused one says why in
 * Chinese (and an expert asking for progress gets their own instead).
 */
const G1: ChatRef = { id: 'g1', kind: 'group', title: '龙井市帮扶群' }; // 吉林省延边州龙井市: inside every scope below
const G2: ChatRef = { id: 'g2', kind: 'group', title: '哈尔滨帮扶群' }; // 黑龙江省哈尔滨市: outside all but admin

const GRANTS: Record<(typeof LEVELS)[number], unknown[]> = {
  expert: [{ role: 'expert', groups: ['test:g1'] }],
  'team-leader': [{ role: 'team-leader', groups: ['test:g1'] }],
  county: [{ role: 'county', regions: ['吉林省延边州龙井市'] }],
  city: [{ role: 'city', regions: ['吉林省延边州'] }],
  province: [{ role: 'province', regions: ['吉林省'] }],
  admin: ['admin'],
};

interface Case {
  command: string;
  action: Action;
  did: (replies: OutboundAction[]) => boolean;
}
const text = (r: OutboundAction[]) => r.map((a) => (a.kind === 'file' ? `[file ${a.fileName}]` : a.text)).join('\n');
const CASES: Case[] = [
  // The group's whole table (a member without the role gets only their own entries: refused here, they have none).
  {
    command: '/export',
    action: 'export',
    did: (r) => r.some((a) => a.kind === 'file' && a.fileName.endsWith('.xlsx') && !a.caption?.includes('您本人')),
  },
  {
    command: '/progress',
    action: 'progress',
    did: (r) => text(r).startsWith('📊') && r.some((a) => a.kind === 'file' && a.mime === 'image/png'),
  },
  { command: '/missing 台账', action: 'missingFull', did: (r) => text(r).includes('截止）未提交名单：') },
  { command: '/deadline add 12月30日 台账 本群', action: 'deadlines', did: (r) => text(r).includes('已添加') },
  { command: '/两数 农技协 3', action: 'progress', did: (r) => text(r).includes('已记录本群"两数"') },
  { command: '/summary', action: 'summary', did: (r) => r.some((a) => a.kind === 'file' && a.fileName.endsWith('.docx')) },
  { command: '/grant test:u-new county 吉林省', action: 'grant', did: (r) => text(r).includes('已为 test:u-new 分配角色') },
];

let h: Harness;
beforeAll(async () => {
  h = makeHarness({ config: { roles: Object.fromEntries(LEVELS.map((l) => [`test:u-${l}`, GRANTS[l]])) } });
  await h.ready;
  const bind = (g: ChatRef, region: string) =>
    h.redis.hset(
      `${h.prefix}groupchat:bindings`,
      `test:${g.id}`,
      JSON.stringify({ platform: 'test', chatId: g.id, name: g.title, region, team: '', boundAt: '' }),
    );
  await bind(G1, '吉林省延边州龙井市');
  await bind(G2, '黑龙江省哈尔滨市');
  for (const g of [G1, G2]) {
    await seedRecord(h, 'expert', expert('李明', '13812345678'), { chatId: g.id, chatTitle: g.title!, userId: 'u-li', userName: '李明' });
    await seedRecord(h, 'expert', expert('王芳', '13912345678'), { chatId: g.id, chatTitle: g.title!, userId: 'u-wang', userName: '王芳' });
    await seedRecord(
      h,
      'ledger',
      { date: '2026-11-20', place: '光东村', activityForm: '1', content: '育秧', participants: '45', effect: '好' },
      { chatId: g.id, chatTitle: g.title!, userId: 'u-li', userName: '李明' },
    );
  }
  await h.bot.deadlines.put({ id: 'ledger-dec', form: 'ledger', title: '工作台账', due: '2026-12-15', groups: ['*'], per: 'member' });
});
afterAll(async () => h.close());

async function ask(level: string, chat: ChatRef, command: string): Promise<OutboundAction[]> {
  h.sink.clear();
  await say(h, [command], { chat, user: { id: `u-${level}`, name: level } });
  return h.sink.sent.filter((s) => s.target.user?.id === `u-${level}`).map((s) => s.action);
}

describe('role matrix: command × role × in/out of scope', () => {
  for (const c of CASES) {
    for (const level of LEVELS) {
      const mayAct = (POLICY[c.action] as readonly string[]).includes(level);
      for (const [where, chat] of [
        ['in scope', G1],
        ['out of scope', G2],
      ] as const) {
        // Admin has no scope; /grant is admin's alone, wherever it is sent.
        const allowed = mayAct && (where === 'in scope' || level === 'admin');
        it(`${c.command} · ${level} · ${where} → ${allowed ? 'done' : 'refused'}`, async () => {
          const replies = await ask(level, chat, c.command);
          expect(replies.length).toBeGreaterThan(0);
          expect(c.did(replies)).toBe(allowed);
          if (allowed) return;
          const said = text(replies);
          if (c.action === 'progress' && c.command === '/progress' && !mayAct) {
            // Not a refusal: an expert's /progress is 我的进度.
            expect(said).toContain('📋');
          } else if (c.action === 'summary') {
            expect(said).toContain('由协调员或工作队队长起草');
          } else {
            expect(said).toMatch(mayAct ? /您没有权限.+不在您负责的范围内/ : /只有协调员可以.+联系管理员/);
          }
        });
      }
    }
  }
});

describe('an expert’s export is their own data', () => {
  it('a member with entries in the group gets only their own rows, labelled so', async () => {
    await seedRecord(
      h,
      'ledger',
      { date: '2026-11-21', place: '光西村', activityForm: '2', content: '修剪', participants: '12', effect: '好' },
      { chatId: 'g1', chatTitle: G1.title!, userId: 'u-expert', userName: 'expert' },
    );
    const r = await ask('expert', G1, '/export');
    const file = r.find((a) => a.kind === 'file');
    expect(file?.kind === 'file' && file.caption).toContain('您本人在本群的《工作台账》共 1 条');
  });
});

describe('private chat: what a coordinator sees in full is limited to their scope', () => {
  it('/experts lists full phone numbers only for groups in scope; an expert is sent back to the group', async () => {
    const dm = (level: string): ChatRef => ({ id: `dm-${level}`, kind: 'private' });
    const county = text(await ask('county', dm('county'), '/experts'));
    expect(county).toContain('13812345678');
    expect(county).toContain('龙井市帮扶群');
    expect(county).not.toContain('哈尔滨帮扶群');
    const admin = text(await ask('admin', dm('admin'), '/experts'));
    expect(admin).toContain('哈尔滨帮扶群');
    const exp = text(await ask('expert', dm('expert'), '/experts'));
    expect(exp).not.toContain('13812345678');
  });

  it('an unauthorized export in private is refused with a clear message', async () => {
    const said = text(await ask('expert', { id: 'dm-expert', kind: 'private' }, '导出 台账'));
    expect(said).toContain('导出表格仅限协调员和工作队队长');
  });
});
