import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { makeSummaryCommand } from '../../src/flows/commands/summary.js';
import type { GrantInput } from '../../src/domain/roles/model.js';
import { RoleService } from '../../src/domain/roles/service.js';
import { configSchema, type Config } from '../../src/config/schema.js';
import type { InboundEvent, OutboundAction } from '../../src/core/events.js';
import { chatKey, userKey } from '../../src/core/ids.js';
import { allForms } from '../../src/flows/forms/registry.js';
import type { LlmService } from '../../src/llm/service.js';
import { summaryPlainText } from '../../src/documents/summary-docx.js';
import { checkProse, composeSummary, type SummaryRequest } from '../../src/documents/summary.js';
import { ConversationStore } from '../../src/store/conversations.js';
import { createKeys, type Keys } from '../../src/store/keys.js';
import { RecordRepository } from '../../src/store/records.js';
import { connectRedis, type BangfuRedis } from '../../src/store/redis.js';
import { GrantStore } from '../../src/store/roles.js';
import { OpenAIStub, completion, type Responder } from '../helpers/openai-stub.js';
import { CTX, stubService } from '../helpers/llm-support.js';

let redis: BangfuRedis;
let keys: Keys;
let records: RecordRepository;
let stub: OpenAIStub;

const G1 = { id: 'g1', title: '光东村帮扶群' };
const G2 = { id: 'g2', title: '光明村帮扶群' };
const ALICE = { id: 'u-alice', name: '李明' };
const BOB = { id: 'u-bob', name: '王芳' };
const CAROL = { id: 'u-carol', name: '赵丽' };

/** Stores a confirmed record through the real commit script, values read by the form's parsers. */
async function seed(formId: string, typed: Record<string, string>, chat: typeof G1, user: typeof ALICE): Promise<void> {
  const form = allForms.find((f) => f.id === formId)!;
  const values: Record<string, unknown> = {};
  for (const [k, text] of Object.entries(typed)) {
    const r = form.fields.find((f) => f.key === k)!.parse(text, CTX);
    if (!r.ok) throw new Error(`${k}: ${r.reason}`);
    values[k] = r.value;
  }
  const id = randomUUID();
  const rec = records.prepare(formId, id, values, {
    platform: 'test',
    chatId: chat.id,
    chatKey: chatKey('test', chat.id),
    chatTitle: chat.title,
    userId: user.id,
    userKey: userKey('test', user.id),
    userName: user.name,
    createdAt: CTX.now.toISOString(),
  });
  const conv = new ConversationStore(redis, keys, { lockTtlMs: 5000, stateTtlSec: 60, seenTtlSec: 60 });
  await conv.claim(`seed:${id}`, 'seed', id, '{}', 'seed', false);
  await conv.commit(`seed:${id}`, 'seed', null, rec);
}

const ledger = (
  date: string,
  place: string,
  form: string,
  content: string,
  n: string,
  effect: string,
  hours?: string,
): Record<string, string> => ({
  date,
  place,
  activityForm: form,
  content,
  participants: n,
  effect,
  ...(hours ? { hours } : {}),
});
const expert = (name: string, phone: string): Record<string, string> => ({
  unit: '吉林农业大学',
  name,
  title: '教授',
  age: '50',
  phone,
  field: '水稻栽培',
  villages: '光东村',
});

beforeAll(async () => {
  stub = await OpenAIStub.start();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(async () => {
  stub.reset();
  redis = connectRedis(inject('redisUrl'));
  keys = createKeys(`test-${randomUUID()}:`);
  records = new RecordRepository(redis, keys, allForms);
  await seed('expert', expert('李明', '13812345678'), G1, ALICE);
  await seed('expert', expert('王芳', '13912345678'), G1, BOB);
  await seed('expert', expert('赵丽', '13712345678'), G2, CAROL);
  await seed('ledger', ledger('2026-11-22', '光东村', '技术培训', '水稻育秧', '45', '大家挺满意的', '3'), G1, ALICE);
  await seed('ledger', ledger('2026-10-08', '光东村村委会', '科普讲座', '冬季防火', '30', '反响很好'), G1, ALICE);
  await seed('ledger', ledger('2026-10-08', '光西村', '现场指导', '大棚草莓', '12', '解决了温湿度问题', '2.5'), G1, ALICE);
  await seed('ledger', ledger('2026-06-01', '光东村', '其他：座谈会', '庭院经济', '20', '村民积极参与'), G1, BOB);
  await seed('ledger', ledger('2026-09-15', '光明村', '项目对接', '蓝莓深加工', '15', '签了合作意向书'), G2, BOB);
  await seed('ledger', ledger('2025-12-01', '光明村', '技术培训', '果树修剪', '40', '效果良好'), G2, CAROL);
});
afterEach(async () => {
  const stale = await redis.keys(`${keys.prefix}*`);
  if (stale.length) await redis.del(...stale);
  await redis.quit();
});

const request = (over: Partial<SummaryRequest> = {}): SummaryRequest => ({
  query: { chatKeys: [chatKey('test', 'g1')], from: '2026-01-01', to: '2026-11-23' },
  scopeLabel: '「光东村帮扶群」',
  unit: '',
  periodLabel: '2026年',
  nextYear: 2027,
  draftedOn: '2026-11-23',
  ...over,
});

/** A model that words the prose; `text` decides what it writes. */
const proseModel =
  (overview: string, achievements: string): Responder =>
  () =>
    completion({ overview, achievements });
const GOOD_PROSE = proseModel(
  '{时段}，本群组织专家深入贫困村开展科技帮扶，累计开展帮扶活动{活动次数}次，服务群众{服务人次}人次，其中技术培训{技术培训次数}次，帮扶工作扎实推进，进一步提升了群众的科技素质。',
  '{参与专家数}名专家参与帮扶并记录了工作台账，一户一策、一村一品等工作稳步推进，群众对科技服务普遍满意。',
);

async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

const MODES: { name: string; llm: () => LlmService | undefined }[] = [
  { name: 'no model (template)', llm: () => undefined },
  {
    name: 'stand-in model (prose)',
    llm: () => {
      stub.chatDefault = GOOD_PROSE;
      return stubService(stub);
    },
  },
];

describe.each(MODES)('/summary figures come from the records ($name)', (mode) => {
  it("states the group's activities, 人次, days and the 两数 as stored, and only those numbers", async () => {
    const s = await composeSummary(request(), { records, forms: allForms, ...(mode.llm() ? { llm: mode.llm()! } : {}) });
    const text = summaryPlainText(s);
    // The group's 2026 ledger: 4 activities (45+30+12+20 = 107 人次), Alice on 2 days, Bob on 1.
    expect(s.figures.activities).toBe(4);
    expect(s.figures.participants).toBe(107);
    expect(text).toMatch(/帮扶活动\s?4\s?次/);
    expect(text).toMatch(/服务群众\s?107\s?人次/);
    expect(text).toContain('李明\t3\t87\t2\t5.5');
    expect(text).toContain('王芳\t1\t20\t1\t0');
    expect(text).toContain('已登记专家 2 人');
    expect(text).toContain('2027年工作计划');
    // Every number in the narrative is one of the computed figures (or the period's year).
    const allowed = new Set(['2026', '2027', '4', '107', '2', '1', '3', '0', '5.5', '87', '20']);
    const narrative = s.sections
      .flatMap((x) => x.paragraphs)
      .filter((p) => !/^\d{4}-\d{2}-\d{2}，/.test(p))
      .join('\n');
    for (const n of narrative.match(/\d+(?:\.\d+)?/g) ?? []) expect(allowed, `${n} in ${narrative}`).toContain(n);
    expect(s.prose).toBe(mode.name.startsWith('stand-in') ? 'llm' : 'template');
  });

  it('draws the typical cases from the ledger, one per expert', async () => {
    const s = await composeSummary(request(), { records, forms: allForms, ...(mode.llm() ? { llm: mode.llm()! } : {}) });
    const cases = s.sections.find((x) => x.heading === '四、典型案例')!.subsections!;
    expect(cases.map((c) => c.heading)).toEqual(['（一）光东村水稻育秧', '（二）光东村庭院经济']);
    expect(cases[0]!.paragraphs[0]).toContain('2026-11-22，李明在光东村开展技术培训，内容为水稻育秧，参加群众 45 人次');
  });
});

describe('model prose is checked, never trusted with numbers', () => {
  it('throws away prose that states a number of its own and uses the template', async () => {
    stub.chatDefault = proseModel(
      '本年度共开展帮扶活动{活动次数}次，服务群众5000人次，成效显著，受到广泛好评。',
      '{参与专家数}名专家参与帮扶，工作成效明显，群众满意度高。',
    );
    const s = await composeSummary(request(), { records, forms: allForms, llm: stubService(stub) });
    expect(s.prose).toBe('template');
    expect(summaryPlainText(s)).not.toContain('5000');
  });

  it('refuses Chinese numerals with a measure word and unknown placeholders, accepts set phrases', () => {
    const v = { 活动次数: '4' };
    expect(checkProse('开展活动三次，成效明显', v)).toBeUndefined();
    expect(checkProse('开展活动{活动总数}次', v)).toBeUndefined();
    expect(checkProse('落实一户一策、一村一品，进一步做好帮扶，开展活动{活动次数}次', v)).toBe(
      '落实一户一策、一村一品，进一步做好帮扶，开展活动4次',
    );
  });

  it('falls back to the template when the model fails', async () => {
    stub.chatDefault = () => ({ status: 500, body: {} });
    const s = await composeSummary(request(), { records, forms: allForms, llm: stubService(stub) });
    expect(s.prose).toBe('template');
    expect(summaryPlainText(s)).toMatch(/帮扶活动 4 次/);
  });

  it('sends no phone numbers and no names to the model', async () => {
    stub.chatDefault = GOOD_PROSE;
    await composeSummary(request(), { records, forms: allForms, llm: stubService(stub) });
    const sent = stub.requests.map((r) => r.text).join('\n');
    expect(sent).not.toMatch(/1[3-9]\d{9}/);
    expect(sent).not.toContain('李明');
  });
});

describe('/summary in chat', () => {
  const config = (): Config => configSchema.parse({});
  const ev = (text: string, over: Partial<InboundEvent> = {}): InboundEvent => ({
    platform: 'test',
    chat: { id: 'g1', kind: 'group', title: '光东村帮扶群' },
    user: ALICE,
    messageId: randomUUID(),
    text,
    attachments: [],
    addressed: true,
    sentAt: Date.now(),
    ...over,
  });
  // A group's summary is for its team leader (or a coordinator); ALICE leads 光东村帮扶群 unless a test says otherwise.
  const run = async (
    args: string,
    over: Partial<InboundEvent> = {},
    roles: Record<string, GrantInput[]> = { 'test:u-alice': [{ role: 'team-leader', groups: ['test:g1'] }] },
  ): Promise<OutboundAction[]> => {
    const grants = new RoleService(new GrantStore(redis, keys), async () => '');
    await grants.seedFromConfig(roles);
    const r = await makeSummaryCommand({ roles: grants }).run({
      ev: ev(`/summary ${args}`, over),
      args,
      now: CTX.now,
      config: config(),
      records,
      state: null,
    });
    return Array.isArray(r) ? r : r.replies;
  };

  it('refuses the group’s summary to a member who is not its team leader or a coordinator', async () => {
    const [refused] = await run('', {}, {});
    expect(refused).toMatchObject({ kind: 'text', text: expect.stringContaining('工作队队长') });
  });

  it("sends the group's summary as a DOCX whose figures equal the records", async () => {
    const a = (await run(''))[0]!;
    expect(a.kind).toBe('file');
    if (a.kind !== 'file') return;
    expect(a.fileName).toBe('光东村帮扶群2026年科技助力精准扶贫工作总结和2027年工作计划.docx');
    expect(a.caption).toContain('依据 4 条台账记录');
    const text = await docxText(a.data);
    expect(text).toContain('共开展帮扶活动 4 次（其中技术培训 1 次、现场指导 1 次、科普讲座 1 次、其他 1 次），服务群众 107 人次');
    expect(text).toContain('【待填写】');
  });

  it("drafts one's own summary in a private chat", async () => {
    const a = (await run('', { chat: { id: 'p-alice', kind: 'private' }, user: BOB }))[0]!;
    if (a.kind !== 'file') throw new Error('file expected');
    const text = await docxText(a.data);
    expect(text).toContain('王芳个人');
    expect(text).toContain('共开展帮扶活动 2 次');
  });

  it('drafts all groups for coordinators only', async () => {
    const [refused] = await run('全部', {}, {});
    expect(refused).toMatchObject({ kind: 'text' });
    const a = (await run('全部 2026年', {}, { 'test:u-alice': [{ role: 'province' }] }))[0]!;
    if (a.kind !== 'file') throw new Error('file expected');
    const text = await docxText(a.data);
    expect(text).toContain('全部帮扶群');
    expect(text).toContain('共开展帮扶活动 5 次');
    expect(text).toContain('已登记专家 3 人');
  });

  it('says so when the period has no records, and explains a period it cannot read', async () => {
    const [empty] = await run('本群 2025年');
    expect(empty).toMatchObject({ kind: 'text' });
    expect((empty as { text: string }).text).toContain('还没有工作台账记录');
    const bad = await run('下辈子');
    expect((bad[0] as { text: string }).text).toContain('看不懂时段「下辈子」');
  });
});
