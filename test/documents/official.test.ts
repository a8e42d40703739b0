import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, type ExportDeps } from '../../src/documents/files.js';
import { allForms } from '../../src/flows/forms/registry.js';
import { ALICE, BOB } from '../helpers/harness.js';
import { FILE, RUNS } from '../fixtures/answers.js';
import { chat, COORD, makeFormsHarness, sendFile, testConfig, type FormsHarness } from '../fixtures/forms-harness.js';
import { writeJpeg } from '../fixtures/jpeg.js';

let h: FormsHarness;
let deps: ExportDeps;
let photo: Buffer;
let picture: Buffer;

async function fill(form: string, user = ALICE, replace: Record<number, string> = {}): Promise<void> {
  const steps = [...RUNS[form]!];
  for (const [i, v] of Object.entries(replace)) steps[Number(i)] = v;
  for (const s of steps) {
    if (s !== FILE) await chat(h, [s], { user });
    else if (form === 'exhibit') await sendFile(h, path.join(h.dir, 'IMG_0001.JPG'), '光东村专家田间指导水稻育秧', { user });
    else await sendFile(h, path.join(h.dir, 'photo.jpg'), '', { user, kind: 'image' });
  }
}

beforeAll(async () => {
  h = makeFormsHarness({
    config: testConfig({
      org: { unit: '和龙市科协' },
      roles: { 'test:u-coord': ['unit', 'county-fpb'] },
      quotas: { nominations: { scheme: 'none' } },
    }),
  });
  photo = readFileSync(writeJpeg(path.join(h.dir, 'photo.jpg'), 40_000, 1));
  picture = readFileSync(writeJpeg(path.join(h.dir, 'IMG_0001.JPG'), 2_100_000, 2));
  for (const form of Object.keys(RUNS)) await fill(form);
  await chat(h, ['台账 2026年11月2日 东城镇光西村 科普讲座 防诈骗讲座 80人次 发放资料100份', '修改 7', '2', '确认'], { user: BOB });
  await fill('exhibit', BOB);
  const [project] = await h.all('project-unit');
  await chat(h, [`审核通过 ${project!.id.slice(0, 8)} 同意申报`], { user: COORD, chat: { id: 'dm', kind: 'private' } });
  deps = {
    records: h.records,
    forms: allForms,
    timezone: 'Asia/Shanghai',
    unit: '和龙市科协',
    now: new Date('2026-11-23T10:00:00+08:00'),
    blobs: h.blobs,
  };
}, 120_000);
afterAll(async () => h.close());

async function sheet(data: Buffer, i = 0): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets[i]!;
}
const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);
async function docXml(data: Buffer): Promise<{ xml: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, zip };
}
const texts = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');

describe('XLSX in the official layout', () => {
  it('工作台账: title, 填表单位/填表时间, merged 帮扶活动形式、内容 header, frozen header, typed numbers, 时长 when used', async () => {
    const f = await buildExport('ledger', 'xlsx', {}, deps);
    const ws = await sheet(f.data);
    expect(ws.getCell('A1').value).toBe('精准扶贫专家服务行动工作台账');
    expect(ws.getCell('A2').value).toBe('填表单位：和龙市科协');
    expect(String(ws.getRow(2).values)).toContain('填表时间：2026年11月23日');
    expect(rowValues(ws, 3)).toEqual([
      '序号',
      '时间',
      '地点',
      '帮扶活动形式、内容',
      '帮扶活动形式、内容',
      '参加人次',
      '服务效果',
      '时长（小时）',
      '专家',
    ]);
    expect(rowValues(ws, 4)).toEqual(['序号', '时间', '地点', '帮扶活动形式', '内容', '参加人次', '服务效果', '时长（小时）', '专家']);
    expect(ws.getCell('D3').isMerged && ws.getCell('E3').master.address).toBe('D3');
    expect(ws.getCell('A4').master.address).toBe('A3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(rowValues(ws, 5)).toEqual([1, '2026-11-02', '东城镇光西村', '科普讲座', '防诈骗讲座', 80, '发放资料100份', 2, '王芳']);
    // A record without 时长 leaves its cell empty.
    const second = rowValues(ws, 6);
    expect(second.slice(0, 7)).toEqual([2, '2026-11-22', '光东村', '技术培训', '水稻育秧技术', 45, '群众反映良好']);
    expect(second[7] ?? '').toBe('');
    expect(ws.getColumn(5).width).toBe(30);
  });

  it('一户一策调查表: one √ column per printed box under merged 致贫原因 and 科技服务需求 headers', async () => {
    const ws = await sheet((await buildExport('household', 'xlsx', {}, deps)).data);
    const top = rowValues(ws, 3) as string[];
    const sub = rowValues(ws, 4) as string[];
    const start = top.indexOf('致贫原因');
    expect(sub.slice(start, start + 10)).toEqual([
      '因病',
      '因残',
      '因学',
      '因灾',
      '缺土地',
      '缺水',
      '缺技术',
      '缺劳力',
      '自身发展动力不足',
      '其它',
    ]);
    const data = rowValues(ws, 5);
    expect(data.slice(start, start + 10)).toEqual(['√', '', '', '', '', '', '√', '', '', ''].map((x) => x || undefined));
    expect(data.slice(0, 3)).toEqual([1, '光东村', '金顺姬']);
    expect(ws.getCell(3, start + 1).master.address).toBe(ws.getCell(3, start + 10).master.address);
  });

  it('专家登记 as a list and as CSV (BOM, the same columns, parent-child headers joined)', async () => {
    const ws = await sheet((await buildExport('expert', 'xlsx', {}, deps)).data);
    expect(ws.getCell('A1').value).toBe('科技助力扶贫工作队专家信息登记表');
    expect(rowValues(ws, 3)).toEqual(['序号', '单位', '姓名', '职称', '年龄', '电话', '专业/服务领域', '服务村', '群组']);
    expect(rowValues(ws, 4)).toEqual([1, '吉林农业大学', '王强', '教授', 52, '13812345678', '水稻栽培', '光东村、光西村', '光东村帮扶群']);
    const csv = (await buildExport('team', 'csv', {}, deps)).data.toString('utf8');
    expect(csv.startsWith('\uFEFF序号,团队名称,')).toBe(true);
    expect(csv).toContain('所服务的贫困地区-省,所服务的贫困地区-市');
    expect(csv).toContain('吉林省,延边州,和龙市,东城镇,光东村,√,,食用菌,√,√,,');
  });

  it('扶贫工作队工作安排表: one sheet per team in the seed’s block layout', async () => {
    const ws = await sheet((await buildExport('teamplan', 'xlsx', {}, deps)).data);
    expect(ws.name).toBe('和龙市工作队');
    expect(ws.getCell('A2').value).toBe('和龙市地区扶贫工作队');
    expect(rowValues(ws, 4)).toEqual(['姓名', '王强', '王强', '联系方式', '13812345678', '13812345678']);
    expect(rowValues(ws, 7).slice(1)).toEqual(['姓  名', '单  位', '职称', '年龄', '联系电话']);
    expect(rowValues(ws, 8)).toEqual(['专家1', '王强', '吉林农大', '教授', 52, '13812345678']);
    expect(rowValues(ws, 9)).toEqual(['专家2', '李明', '延边农科院', '研究员', 41, '13912345678']);
    expect(ws.getCell('A10').value).toBe('送科技下乡活动安排');
    expect(rowValues(ws, 12).slice(0, 4)).toEqual(['活动1', '12月上旬', '光东村', '水稻育秧技术培训']);
  });

  it('吉林省"科技之冬"活动统计表 is filled from the period’s ledger and work-team plans', async () => {
    const ws = await sheet((await buildExport('stats', 'xlsx', { from: '2026-11-01', to: '2026-11-30' }, deps)).data);
    expect(ws.getCell('A1').value).toBe('吉林省2026年度“科技之冬”活动统计表');
    expect(ws.getCell('A2').value).toContain('（统计时间：2026年11月1日—2026年11月30日）');
    expect(rowValues(ws, 3)).toEqual(['内 容', '计量单位', '数 量', '来源（不随表上报）']);
    const byItem = Object.fromEntries(Array.from({ length: 24 }, (_, i) => rowValues(ws, 4 + i)).map((r) => [r[0], r[2]]));
    expect(byItem['1.开展科技下乡活动次数']).toBe(2);
    expect(byItem['科技下乡到乡镇个数']).toBe(1);
    expect(byItem['科技下乡到村个数']).toBe(2);
    expect(byItem['2.科技下乡受服务的农民总人数']).toBeCloseTo(0.0125);
    expect(byItem['3.组织科技下乡服务团支数']).toBe(1);
    expect(byItem['5.举办实用技术培训班.科技讲座次数']).toBe(2);
    expect(byItem['受培训的农民人数']).toBe(125);
    expect(byItem['11.经费总投入金额']).toBeUndefined();
  });
});

describe('DOCX for 推荐表 and 项目书, laid out as the seed’s table', () => {
  it('先进个人推荐表: every box, ticked □ as ☑, and the photo embedded', async () => {
    const f = await buildExport('individual', 'docx', {}, deps);
    expect(f.fileName).toMatch(/^先进个人推荐表-01-李明（延边农业科学研究院）\.docx$/);
    const { xml, zip } = await docXml(f.data);
    const t = texts(xml);
    for (const s of [
      '2016年以来全国科技助力精准扶贫先进个人推荐表',
      '姓  名',
      '李明',
      '男',
      '研究员',
      '中共党员',
      '220403198507150015',
      '13912345678',
      '延边农业科学研究院',
      '0433-2512345',
      '吉林省',
      '光东村',
      '☑种植  ☑养殖  ☐其他_____',
      '☑培训  ☑技术推广  ☑就业指导  ☐其他_____',
      '120',
      '210',
      '（单位盖章）',
    ])
      expect(t).toContain(s);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && !zip.files[n]!.dir);
    expect(media).toHaveLength(1);
    expect(Buffer.compare(await zip.file(media[0]!)!.async('nodebuffer'), photo)).toBe(0);
    expect(xml).toContain('w:vMerge');
  });

  it('先进团队推荐表 and several records in one ZIP', async () => {
    const { xml } = await docXml((await buildExport('team', 'docx', {}, deps)).data);
    expect(texts(xml)).toContain('吉林农大水稻专家团队');
    expect(texts(xml)).toContain('☑种植  ☐养殖  ☑其他：食用菌');
    expect(texts(xml)).toContain('主要事迹');
  });

  it('项目书: the 联系帮扶贫困村 rows, and each opinion box filled as it is approved', async () => {
    const { xml } = await docXml((await buildExport('project-unit', 'docx', {}, deps)).data);
    const t = texts(xml);
    expect(t).toContain('山东省科协精准扶贫专家服务行动项目书（一）');
    expect(t).toContain('填表时间：2026年11月23日');
    expect(t).toContain('贫困村名称|贫困村联系人|联系电话|1|光东村|金大伯|13612345678');
    expect(t).toContain('同意申报');
    expect(t).toContain('（赵协调）');
    expect(t).toContain('备注：此表申报主体为单位');
    const two = texts((await docXml((await buildExport('project-person', 'docx', {}, deps)).data)).xml);
    expect(two).toContain('☐技术培训类  ☑产业技术类  ☐科普教育类');
    expect(two).toContain('专家签名：');
  });
});

describe('ZIPs', () => {
  it('展览素材: each JPG beside its caption file under the same name, bytes unchanged', async () => {
    const f = await buildExport('exhibit', 'zip', {}, deps);
    const zip = await JSZip.loadAsync(f.data);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([
      '3-01-光东村专家田间指导水稻育秧.jpg',
      '3-01-光东村专家田间指导水稻育秧.txt',
      '3-02-光东村专家田间指导水稻育秧.jpg',
      '3-02-光东村专家田间指导水稻育秧.txt',
    ]);
    expect(Buffer.compare(await zip.file(names[0]!)!.async('nodebuffer'), picture)).toBe(0);
    expect(await zip.file(names[1]!)!.async('string')).toBe('光东村专家田间指导水稻育秧\r\n');
    const list = await sheet((await buildExport('exhibit', 'xlsx', {}, deps)).data);
    expect(rowValues(list, 4)[2]).toBe('3-01-光东村专家田间指导水稻育秧.jpg');
  });

  it('everything for a group and period in one ZIP', async () => {
    const f = await buildExport('all', 'zip', { chatKey: 'test:g1' }, deps);
    const names = Object.keys((await JSZip.loadAsync(f.data)).files);
    for (const n of [
      '工作台账.xlsx',
      '专家登记.xlsx',
      '先进个人推荐表.xlsx',
      '先进个人推荐表/先进个人推荐表-01-李明（延边农业科学研究院）.docx',
      '项目书（一）/项目书（一）-01-冬季科普大讲堂（和龙市科协）.docx',
      '展览素材/3-01-光东村专家田间指导水稻育秧.jpg',
      '扶贫工作队工作安排表.xlsx',
      '科技之冬活动统计表.xlsx',
    ])
      expect(names).toContain(n);
  });
});
