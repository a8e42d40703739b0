import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { allForms } from '../../../src/flows/forms/registry.js';
import { createLogger } from '../../../src/log/logger.js';
import type { LadderConfig } from '../../../src/domain/reminders/ladder.js';
import { ReminderService } from '../../../src/domain/reminders/reminders.js';
import { Roster } from '../../../src/domain/reminders/roster.js';
import { BindingStore } from '../../../src/store/bindings.js';
import { DeadlineRepository } from '../../../src/store/deadlines.js';
import { createKeys } from '../../../src/store/keys.js';
import { ReminderClaims } from '../../../src/store/reminders.js';
import { makeHarness, type Harness } from '../../helpers/harness.js';
import { Child } from '../../helpers/child.js';
import { expert, seedRecord } from '../../helpers/seed.js';

const ladder: LadderConfig = {
  offsets: [-7, -3, -1, 0],
  overdueEveryDays: 7,
  overdueMax: 2,
  at: '09:00',
  quietStart: '22:00',
  quietEnd: '08:00',
};
const bj = (s: string) => new Date(`${s}+08:00`);
const G1 = { chatId: 'g1', chatTitle: '光东村帮扶群' };

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

function service(h: Harness): ReminderService {
  const keys = createKeys(h.prefix);
  return new ReminderService({
    claims: new ReminderClaims(h.redis, keys),
    bindings: new BindingStore(h.redis, keys),
    deadlines: new DeadlineRepository(h.redis, keys),
    records: h.records,
    roster: new Roster(h.records, allForms),
    forms: allForms,
    ladder,
    logger: createLogger('silent'),
    notifier: { notify: (t, actions) => h.dispatcher.notify(t, actions) },
  });
}

async function setup(prefix?: string): Promise<Harness> {
  const h = makeHarness(prefix ? { prefix } : {});
  harnesses.push(h);
  if (prefix) return h;
  await seedRecord(h, 'expert', expert('张三', '13800000001'), { ...G1, userId: 'zs', userName: '老张' });
  await seedRecord(h, 'expert', expert('李四', '13800000002'), { ...G1, userId: 'ls', userName: '小李' });
  await seedRecord(h, 'expert', expert('王五', '13800000003'), { ...G1, userId: 'ww', userName: '王' });
  await seedRecord(
    h,
    'ledger',
    { date: '2026-11-20', place: '光东村', activityForm: '1', content: '育秧', participants: '45', effect: '好' },
    { ...G1, userId: 'zs', userName: '老张' },
  );
  await new DeadlineRepository(h.redis, createKeys(h.prefix)).put({
    id: 'dec-ledger',
    form: 'ledger',
    title: '十二月工作台账',
    due: '2026-12-15',
    groups: ['test:g1'],
    per: 'member',
  });
  return h;
}

/** Runs the pass every hour from `from` to `to` (Beijing time) and returns every text sent, in order. */
async function runHours(
  h: Harness,
  svc: ReminderService,
  from: string,
  to: string,
  between?: (at: Date) => Promise<void>,
): Promise<{ at: string; text: string }[]> {
  const out: { at: string; text: string }[] = [];
  for (let t = bj(from).getTime(); t <= bj(to).getTime(); t += 3_600_000) {
    const at = new Date(t);
    await between?.(at);
    h.sink.clear();
    await svc.tick(at);
    for (const s of h.sink.sent) if (s.action.kind === 'text') out.push({ at: at.toISOString(), text: s.action.text });
  }
  return out;
}

describe('deadline reminders', () => {
  it('walks the ladder: one message per rung, naming only who has not submitted', async () => {
    const h = await setup();
    const svc = service(h);
    const sent = await runHours(h, svc, '2026-12-07T00:00:00', '2027-01-06T00:00:00', async (at) => {
      // 王五 logs his entry on the 13th: from then on he is no longer named.
      if (at.getTime() === bj('2026-12-13T12:00:00').getTime()) {
        await seedRecord(
          h,
          'ledger',
          { date: '2026-12-13', place: '光西村', activityForm: '2', content: '修剪', participants: '12', effect: '好' },
          { ...G1, userId: 'ww', userName: '王' },
          at,
        );
      }
    });
    expect(sent.map((s) => s.at)).toEqual([
      '2026-12-08T01:00:00.000Z',
      '2026-12-12T01:00:00.000Z',
      '2026-12-14T01:00:00.000Z',
      '2026-12-15T01:00:00.000Z',
      '2026-12-22T01:00:00.000Z',
      '2026-12-29T01:00:00.000Z',
    ]);
    expect(sent[0]!.text).toBe(
      '⏰ 《十二月工作台账》将于12月15日（周二）截止，还有 7 天。\n尚未提交：@李四 @王五（共 2 人）\n发送「台账」开始填写。',
    );
    expect(sent[1]!.text).toContain('还有 3 天');
    expect(sent[2]!.text).toContain('尚未提交：@李四（共 1 人）');
    expect(sent[3]!.text).toContain('今天（12月15日（周二））截止');
    expect(sent[4]!.text).toContain('逾期 7 天');
    expect(sent.every((s) => !s.text.includes('张三'))).toBe(true);
    // Mentions carry who is named, for platforms that can @ them.
  });

  it('carries the missing people as mentions and masks nothing it should not', async () => {
    const h = await setup();
    await service(h).tick(bj('2026-12-08T09:00:00'));
    const a = h.sink.sent[0]!.action;
    expect(a.kind === 'text' && a.mentions?.map((m) => m.id)).toEqual(['ls', 'ww']);
    expect(h.sink.sent[0]!.target.chat).toMatchObject({ id: 'g1', kind: 'group', title: '光东村帮扶群' });
  });

  it('sends nothing when everyone has submitted', async () => {
    const h = await setup();
    for (const [id, name] of [
      ['ls', '小李'],
      ['ww', '王'],
    ] as const) {
      await seedRecord(
        h,
        'ledger',
        { date: '2026-12-01', place: '光东村', activityForm: '1', content: '育秧', participants: '5', effect: '好' },
        { ...G1, userId: id, userName: name },
        bj('2026-12-02T10:00:00'),
      );
    }
    expect(await service(h).tick(bj('2026-12-08T09:00:00'))).toEqual([]);
    expect(h.sink.sent).toEqual([]);
  });

  it('a bot that was down sends the still-relevant rung once on start, and a restart never re-sends', async () => {
    const h = await setup();
    // Down from the 1st to the 13th: on start only T-3 goes out.
    const first = await service(h).tick(bj('2026-12-13T10:00:00'));
    expect(first.map((s) => s.rung)).toEqual(['T-3']);
    // A new process (same Redis) restarted in the same window sends nothing again.
    const again = makeHarness({ prefix: h.prefix });
    harnesses.push(again);
    expect(await service(again).tick(bj('2026-12-13T10:05:00'))).toEqual([]);
    expect(again.sink.sent).toEqual([]);
  });

  it('a deadline moved to a later date starts its ladder afresh', async () => {
    const h = await setup();
    const svc = service(h);
    expect((await svc.tick(bj('2026-12-08T09:00:00'))).map((s) => s.rung)).toEqual(['T-7']);
    await new DeadlineRepository(h.redis, createKeys(h.prefix)).put({
      id: 'dec-ledger',
      form: 'ledger',
      title: '十二月工作台账',
      due: '2026-12-22',
      groups: ['test:g1'],
      per: 'member',
      source: 'chat',
    });
    expect((await svc.tick(bj('2026-12-15T09:00:00'))).map((s) => s.rung)).toEqual(['T-7']);
  });

  it('a per-group deadline says the group has not submitted, without naming anyone', async () => {
    const h = await setup();
    await new DeadlineRepository(h.redis, createKeys(h.prefix)).put({
      id: 'plan',
      form: 'teamplan',
      title: '扶贫工作队工作安排表',
      due: '2026-12-15',
      groups: ['*'],
      per: 'group',
    });
    await service(h).tick(bj('2026-12-08T09:00:00'));
    const texts = h.sink.texts();
    expect(texts.find((t) => t.includes('工作安排表'))).toContain('本群尚未提交');
  });

  it('three bot processes on one Redis: each reminder goes out once, one process wins each cron slot', async () => {
    const h = await setup();
    await new DeadlineRepository(h.redis, createKeys(h.prefix)).put({
      id: 'plan',
      form: 'teamplan',
      title: '工作安排表',
      due: '2026-12-15',
      groups: ['test:g1'],
      per: 'group',
    });
    const worker = path.resolve('test/helpers/reminder-worker.ts');
    const procs = [0, 1, 2].map(
      () =>
        new Child(process.execPath, ['--import', 'tsx', worker, inject('redisUrl'), h.prefix, '2026-12-08T09:00:00+08:00'], process.env),
    );
    try {
      // Each process is up (its Redis connection open) before any is told to go.
      await new Promise((r) => setTimeout(r, 2500));
      for (const p of procs) p.send('go');
      const out = await Promise.all(
        procs.map((p) =>
          p
            .next((l) => l.startsWith('{'), 'worker result', 30_000)
            .then((l) => JSON.parse(l) as { sent: number; delivered: number; elected: boolean }),
        ),
      );
      expect(out.reduce((n, o) => n + o.sent, 0)).toBe(2);
      expect(out.reduce((n, o) => n + o.delivered, 0)).toBe(2);
      expect(out.filter((o) => o.elected)).toHaveLength(1);
    } finally {
      for (const p of procs) p.proc.kill('SIGKILL');
    }
  }, 60_000);

  it('concurrent passes in one process with separate connections also send once', async () => {
    const h = await setup();
    const procs = [h, ...[1, 2].map(() => makeHarness({ prefix: h.prefix }))];
    harnesses.push(...procs.slice(1));
    const results = await Promise.all(procs.map((p) => service(p).tick(bj('2026-12-08T09:00:00'))));
    expect(results.flat()).toHaveLength(1);
    expect(procs.reduce((n, p) => n + p.sink.sent.length, 0)).toBe(1);
  });
});
