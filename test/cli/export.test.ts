import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GROUP, makeHarness, say, type Harness } from '../helpers/harness.js';

const bin = path.resolve('bin/bangfu.js');
const out = mkdtempSync(path.join(tmpdir(), 'bangfu-export-'));
let h: Harness;

function exportCli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: inject('redisUrl'), BANGFU_KEY_PREFIX: h.prefix, BANGFU_LOG_LEVEL: 'warn' };
  delete env.BANGFU_CONFIG;
  return spawnSync(process.execPath, [bin, 'export', '--form', 'ledger', ...args], { env, encoding: 'utf8' });
}

beforeAll(async () => {
  h = makeHarness();
  await say(h, ['台账 2026年11月20日 光东村 技术培训 水稻育秧技术 45人 群众反映良好', '确认']);
  await say(h, ['台账 2026年10月8日 光东村 现场指导 果树修剪 12 挂果率提高', '确认']);
  await say(h, ['台账 2026年11月2日 光西村 科普讲座 防诈骗讲座 80人次 发放资料100份', '确认'], {
    chat: { ...GROUP, id: 'g2', title: '光西村帮扶群' },
  });
});
afterAll(async () => h.close());

describe('bangfu export', () => {
  it('writes an XLSX with the seed’s column order, a frozen header and typed numbers', async () => {
    const file = path.join(out, 'all.xlsx');
    const r = exportCli(['--format', 'xlsx', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('已导出 3 条');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('工作台账');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '序号',
      '时间',
      '地点',
      '帮扶活动形式',
      '内容',
      '参加人次',
      '服务效果',
      '专家',
      '群组',
      '录入时间',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Sorted by activity date; 参加人次 is a number a spreadsheet can sum.
    const rows = [2, 3, 4].map((i) => (ws.getRow(i).values as unknown[]).slice(1, 9));
    expect(rows).toEqual([
      [1, '2026-10-08', '光东村', '现场指导', '果树修剪', 12, '挂果率提高', '李明'],
      [2, '2026-11-02', '光西村', '科普讲座', '防诈骗讲座', 80, '发放资料100份', '李明'],
      [3, '2026-11-20', '光东村', '技术培训', '水稻育秧技术', 45, '群众反映良好', '李明'],
    ]);
    expect(ws.getRow(5).values).toEqual([]);
  });

  it('filters by group name and date range, and writes CSV with a BOM for Excel', () => {
    const r = exportCli(['--format', 'csv', '--group', '光东村帮扶群', '--from', '2026-11-01', '--to', '2026-11-30', '--out', '-']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFF序号,')).toBe(true);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('2026-11-20,光东村,技术培训');
  });

  it('an unknown group or a bad date is a one-line Chinese error', () => {
    const g = exportCli(['--format', 'csv', '--group', '不存在的群', '--out', '-']);
    expect(g.status).toBe(1);
    expect(g.stderr).toContain('没有找到群组「不存在的群」');
    expect(g.stderr).toContain('光东村帮扶群');
    const d = exportCli(['--format', 'csv', '--from', '昨天的昨天', '--out', '-']);
    expect(d.status).toBe(1);
    expect(d.stderr.trim().split('\n')).toHaveLength(1);
    expect(d.stderr).toContain('--from');
  });

  it('an empty result is a valid file with only the header', () => {
    const file = path.join(out, 'empty.csv');
    const r = exportCli(['--format', 'csv', '--from', '2020-01-01', '--to', '2020-01-31', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
