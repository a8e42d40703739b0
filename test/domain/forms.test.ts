import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { chatKey, userKey } from '../../src/core/ids.js';
import { computeFigures } from '../../src/domain/figures.js';
import { hoursOf, type FormRules } from '../../src/domain/forms.js';
import { loggedHours, userHours } from '../../src/domain/hours.js';
import { ConversationStore } from '../../src/store/conversations.js';
import { createKeys, type Keys } from '../../src/store/keys.js';
import { RecordRepository, type RecordForm } from '../../src/store/records.js';
import { connectRedis, type BangfuRedis } from '../../src/store/redis.js';

/**
 * The domain picks forms by what they declare in `counts`, never by id: forms made up here, with
 * ids no code knows, count like the ledger and 专家登记; a form named `ledger` that declares nothing
 * counts nothing.
 */
type TestForm = FormRules & RecordForm;

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const diary: TestForm = {
  id: 'field-diary',
  title: '驻村日记',
  dateField: 'day',
  valuesSchema: z.object({ day: z.string(), spent: z.number() }).strict(),
  counts: { hours: (v) => num(v.spent) },
};
const visits: TestForm = {
  id: 'village-visit',
  title: '走访记录',
  dateField: 'on',
  valuesSchema: z.object({ on: z.string(), where: z.string(), people: z.number(), took: z.number() }).strict(),
  counts: {
    activity: {
      kinds: ['走访'],
      of: (v) => ({
        date: String(v.on),
        place: String(v.where),
        kind: '走访',
        kindText: '走访',
        content: '',
        participants: num(v.people),
        effect: '',
      }),
    },
    hours: (v) => num(v.took),
  },
};
const rollCall: TestForm = {
  id: 'roll-call',
  title: '报到',
  valuesSchema: z.object({ fullName: z.string() }).strict(),
  counts: { registration: (v) => ({ name: String(v.fullName) }) },
};
/** Named like the bot's ledger, with hours in the same box, but declaring no counts. */
const impostor: TestForm = {
  id: 'ledger',
  title: '台账',
  dateField: 'date',
  valuesSchema: z.object({ date: z.string(), hours: z.number() }).strict(),
};
const forms = [diary, visits, rollCall, impostor];

const G = { id: 'g1', title: '光东村帮扶群' };
const ZHANG = { id: 'u-zhang', name: '老张' };
const TODAY = '2026-11-23';

let redis: BangfuRedis;
let keys: Keys;
let records: RecordRepository;

async function seed(form: TestForm, values: Record<string, unknown>, user = ZHANG): Promise<void> {
  const id = randomUUID();
  const rec = records.prepare(form.id, id, values, {
    platform: 'test',
    chatId: G.id,
    chatKey: chatKey('test', G.id),
    chatTitle: G.title,
    userId: user.id,
    userKey: userKey('test', user.id),
    userName: user.name,
    createdAt: '2026-11-23T02:00:00.000Z',
  });
  const conv = new ConversationStore(redis, keys, { lockTtlMs: 5000, stateTtlSec: 60, seenTtlSec: 60 });
  await conv.claim(`seed:${id}`, 'seed', id, '{}', 'seed', false);
  await conv.commit(`seed:${id}`, 'seed', null, rec);
}

beforeEach(async () => {
  redis = connectRedis(inject('redisUrl'));
  keys = createKeys(`test-${randomUUID()}:`);
  records = new RecordRepository(redis, keys, forms);
  await seed(diary, { day: '2026-11-20', spent: 6 });
  await seed(diary, { day: '2026-03-01', spent: 2.5 });
  // Outside the year up to today: not counted toward the 800 hours.
  await seed(diary, { day: '2025-11-01', spent: 100 });
  await seed(visits, { on: '2026-11-21', where: '光东村', people: 12, took: 3 });
  await seed(impostor, { date: '2026-11-22', hours: 50 });
});
afterEach(async () => {
  const stale = await redis.keys(`${keys.prefix}*`);
  if (stale.length) await redis.del(...stale);
  await redis.quit();
});

describe('forms count by what they declare, not by their id', () => {
  it("a record's hours are what its form counts", () => {
    expect(hoursOf(diary, { day: '2026-11-20', spent: 6 })).toBe(6);
    expect(hoursOf(impostor, { date: '2026-11-22', hours: 50 })).toBe(0);
  });

  it("counts a made-up form that declares counts.hours toward a user's hours of the year", async () => {
    // 6 + 2.5 (diary, within the year) + 3 (the visit); the "ledger" without counts adds nothing.
    expect(await userHours(records, forms, userKey('test', ZHANG.id), TODAY)).toBe(11.5);
    expect(await userHours(records, [impostor], userKey('test', ZHANG.id), TODAY)).toBe(0);
  });

  it('finds a nominee through a made-up registration form, or by chat name without one', async () => {
    expect(await loggedHours(records, forms, '老张', TODAY)).toEqual({ hours: 11.5 });
    await seed(rollCall, { fullName: '张建国' });
    expect(await loggedHours(records, forms, '张建国', TODAY)).toEqual({ hours: 11.5 });
  });

  it('figures count a made-up activity form, with its hours and kinds', async () => {
    const f = await computeFigures(records, forms, { from: '2026-01-01', to: TODAY });
    expect(f).toMatchObject({ activities: 1, participants: 12, hours: 3, byForm: { 走访: 1 }, kinds: ['走访'] });
    expect(f.experts).toEqual([{ userKey: userKey('test', ZHANG.id), name: '老张', activities: 1, participants: 12, days: 1, hours: 3 }]);
  });
});
