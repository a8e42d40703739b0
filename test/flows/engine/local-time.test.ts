import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { ChatRef } from '../../../src/core/events.js';
import { fixedClock } from '../../../src/core/clock.js';
import { buildExport } from '../../../src/documents/files.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import { connectRedis } from '../../../src/store/redis.js';
import { RUNS } from '../../fixtures/answers.js';
import { chat, COORD, makeFormsHarness, testConfig, type FormsHarness } from '../../fixtures/forms-harness.js';

/**
 * Issue 12.7: every date a person sees is the configured zone's. 2026-12-01 20:30 UTC is 04:30 on
 * 2 December in Beijing: a UTC date there (the day before) is the defect.
 */
const INSTANT = '2026-12-01T20:30:00Z';
const bin = path.resolve('bin/bangfu.js');
const hasFaketime = spawnSync('faketime', ['--version']).status === 0;
const opened: FormsHarness[] = [];
afterAll(async () => {
  await Promise.all(opened.map((h) => h.close()));
});

function bangfu(args: string[], stdin: string, env: NodeJS.ProcessEnv, fake?: string) {
  const cmd = fake ? 'faketime' : process.execPath;
  const argv = fake ? [fake, process.execPath, bin, ...args] : [bin, ...args];
  // Timers and Redis timeouts run on the monotonic clock: only the wall clock is faked.
  const full: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1', BANGFU_LOG_LEVEL: 'warn', ...env };
  delete full.BANGFU_CONFIG;
  return spawnSync(cmd, argv, { input: stdin, env: full, encoding: 'utf8', timeout: 60_000 });
}

describe('12.7 local time, end to end', () => {
  it.skipIf(!hasFaketime)(
    'the console at 04:30 Beijing time (20:30 UTC the day before): 今天 and the export file name are the 2nd',
    async () => {
      const prefix = `test-${randomUUID()}:`;
      const lines = ['台账', '今天', '光东村', '1', '水稻育秧', '45人', '群众反映良好', '确认', '导出'];
      const r = bangfu(
        ['start', '--console'],
        `${lines.join('\n')}\n`,
        { REDIS_URL: inject('redisUrl'), BANGFU_KEY_PREFIX: prefix },
        '2026-12-01 20:30:00',
      );
      const redis = connectRedis(inject('redisUrl'));
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('1. 时间：2026-12-02');
      expect(r.stdout).toMatch(/\[文件\] 工作台账-本地帮扶群-本地专家-2026-12-02\.xlsx/);
      expect(r.stdout).not.toContain('2026-12-01');
    },
  );

  it('an approval at that instant is dated the 2nd: the stored stamp, the DOCX 盖章 line and 填表时间, the list XLSX', async () => {
    const roles = { roles: { 'test:u-coord': ['coordinator', 'unit', 'county-fpb', 'county-kx', 'city-kx'] } };
    const h = makeFormsHarness({ config: testConfig(roles), clock: fixedClock(INSTANT) });
    opened.push(h);
    await chat(h, RUNS['project-person'] as string[]);
    const [rec] = await h.all('project-person');
    const short = rec!.id.slice(0, 8);
    const DM: ChatRef = { id: 'dm-coord', kind: 'private' };
    await chat(h, [`审核通过 ${short} 同意申报，\n请县里尽快审核。`], { user: COORD, chat: DM });
    const [approved] = await h.all('project-person');
    const step = approved!.approval!.steps[0]!;
    expect(step.at.slice(0, 10)).toBe('2026-12-02');
    expect(new Date(step.at).toISOString()).toBe('2026-12-01T20:30:00.000Z');
    // The opinion is what was typed, line break and full-width punctuation included.
    expect(step.opinion).toBe('同意申报，\n请县里尽快审核。');

    const deps = { records: h.records, forms: allForms, timezone: 'Asia/Shanghai', unit: '', now: new Date(INSTANT), blobs: h.blobs };
    const docx = await buildExport('project-person', 'docx', {}, deps);
    expect(docx.fileName).not.toContain('2026-12-01');
    const xml = await (await JSZip.loadAsync(docx.data)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('填表时间：2026年12月2日');
    expect(text).toContain('（盖章）   2026年12月2日');
    expect(text).not.toContain('2026年12月1日');
    const list = await buildExport('project-person', 'xlsx', {}, deps);
    expect(list.fileName).toContain('2026-12-02');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(list.data as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
    expect(cells.find((c) => c.startsWith('同意申报'))).toContain('2026-12-02');
  });

  it('a timezone that does not exist (Mars/Olympus) is refused at start-up with a Chinese config error', () => {
    const r = bangfu(['start', '--console'], '', { BANGFU_TIMEZONE: 'Mars/Olympus', REDIS_URL: inject('redisUrl') });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('时区「Mars/Olympus」不存在');
    expect(r.stdout).not.toContain('帮扶>');
  });
});
