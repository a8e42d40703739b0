import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeHarness, say, type Harness } from '../helpers/harness.js';
import { RUNS } from '../fixtures/answers.js';

const bin = path.resolve('bin/bangfu.js');
const out = mkdtempSync(path.join(tmpdir(), 'bangfu-cli-forms-'));
let h: Harness;

function exportCli(args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: inject('redisUrl'),
    BANGFU_KEY_PREFIX: h.prefix,
    BANGFU_LOG_LEVEL: 'warn',
    BANGFU_DATA_DIR: out,
  };
  delete env.BANGFU_CONFIG;
  return spawnSync(process.execPath, [bin, 'export', ...args], { env, encoding: 'utf8' });
}

beforeAll(async () => {
  h = makeHarness();
  await say(h, RUNS.expert as string[]);
  await say(h, RUNS.team as string[]);
  await say(h, RUNS.ledger as string[]);
});
afterAll(async () => h.close());

describe('bangfu export for every form', () => {
  it('--form expert writes the official layout by default; the ledger CSV keeps the seed columns', async () => {
    const file = path.join(out, 'experts.xlsx');
    const r = exportCli(['--form', 'expert', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('已导出 1 条《专家登记》');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('科技助力扶贫工作队专家信息登记表');
    expect(wb.worksheets[0]!.getCell('C4').value).toBe('王强');
    const ledger = exportCli(['--form', 'ledger', '--format', 'csv', '--out', '-']);
    expect(ledger.stdout.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      '序号,时间,地点,帮扶活动形式,内容,参加人次,服务效果,专家,群组,录入时间',
    );
  });

  it('--form team --format docx writes the 推荐表; --form all a ZIP of everything', async () => {
    const docx = path.join(out, 'team.docx');
    expect(exportCli(['--form', 'team', '--format', 'docx', '--out', docx]).status).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('吉林农大水稻专家团队');
    const zip = path.join(out, 'all.zip');
    expect(exportCli(['--form', 'all', '--out', zip]).status).toBe(0);
    const names = Object.keys((await JSZip.loadAsync(readFileSync(zip))).files);
    expect(names).toEqual(expect.arrayContaining(['工作台账.xlsx', '专家登记.xlsx', '先进团队推荐表.xlsx', '科技之冬活动统计表.xlsx']));
  });

  it('a format the form does not have is a one-line Chinese error', () => {
    const r = exportCli(['--form', 'expert', '--format', 'docx', '--out', '-']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('专家登记 可导出的格式：xlsx、csv');
  });
});
