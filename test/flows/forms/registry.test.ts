import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chatKey, userKey } from '../../../src/core/ids.js';
import { grid, L, T, title } from '../../../src/documents/docx.js';
import { buildExport, formatsOf, type ExportDeps } from '../../../src/documents/files.js';
import type { ExportForm, FormExports } from '../../../src/documents/form-exports.js';
import { columnsOf, group, seq, ticks, type ListLayout } from '../../../src/documents/layout.js';
import { countField, multiField, textField } from '../../../src/flows/engine/fields.js';
import { defineForm, type FormSpec } from '../../../src/flows/engine/form.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import { ConversationStore } from '../../../src/store/conversations.js';
import { createKeys, type Keys } from '../../../src/store/keys.js';
import { RecordRepository } from '../../../src/store/records.js';
import { connectRedis, type BangfuRedis } from '../../../src/store/redis.js';
import { CTX } from '../../helpers/llm-support.js';

/**
 * "Adding an official form is one folder under src/flows/forms/ plus one registry line": a form that
 * exists only in this file (its spec as form.ts would write it, its list as layout.ts would) is put
 * in the list handed to buildExport, and comes out in every export with nothing else changed.
 */
const SUPPORT = ['种植', '养殖'] as const;

/** What src/flows/forms/pledge/layout.ts would hold. */
function pledgeLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  return {
    title: '帮扶承诺汇总表',
    columns: [seq, c('name', 10, '承诺人'), c('village', 16), c('households', 8), ...ticks('support', '帮扶方向', SUPPORT, '其他'), group],
  };
}

/** What src/flows/forms/pledge/form.ts would hold. */
const pledgeForm = defineForm({
  id: 'pledge',
  title: '帮扶承诺书',
  triggers: ['承诺书', '/pledge'],
  fields: [
    textField({ key: 'name', label: '姓名', prompt: '承诺人姓名？', max: 20 }),
    textField({ key: 'village', label: '帮扶村', prompt: '帮扶哪个村？', max: 30 }),
    countField({ key: 'households', label: '帮扶户数', prompt: '帮扶多少户？', unit: '户' }),
    multiField({ key: 'support', label: '帮扶方向', prompt: '帮扶方向？', options: SUPPORT, other: '其他' }),
  ],
  summary: (v) => `${String(v.name)}（${String(v.village)}）`,
  exports: { layout: pledgeLayout },
});

/** The one registry line. */
const forms: readonly FormSpec[] = [...allForms, pledgeForm];

let redis: BangfuRedis;
let keys: Keys;
let records: RecordRepository;
let deps: ExportDeps;

/** Stores a confirmed record through the real commit script; `at` orders the records in exports. */
async function seed(form: FormSpec, typed: Record<string, string>, user: { id: string; name: string }, at: string): Promise<void> {
  const values: Record<string, unknown> = {};
  for (const [k, text] of Object.entries(typed)) {
    const r = form.fields.find((f) => f.key === k)!.parse(text, CTX);
    if (!r.ok) throw new Error(`${k}: ${r.reason}`);
    values[k] = r.value;
  }
  const id = randomUUID();
  const rec = records.prepare(form.id, id, values, {
    platform: 'test',
    chatId: 'g1',
    chatKey: chatKey('test', 'g1'),
    chatTitle: '光东村帮扶群',
    userId: user.id,
    userKey: userKey('test', user.id),
    userName: user.name,
    createdAt: at,
  });
  const conv = new ConversationStore(redis, keys, { lockTtlMs: 5000, stateTtlSec: 60, seenTtlSec: 60 });
  await conv.claim(`seed:${id}`, 'seed', id, '{}', 'seed', false);
  await conv.commit(`seed:${id}`, 'seed', null, rec);
}

beforeAll(async () => {
  redis = connectRedis(inject('redisUrl'));
  keys = createKeys(`test-${randomUUID()}:`);
  records = new RecordRepository(redis, keys, forms);
  const alice = { id: 'u-alice', name: '李明' };
  const bob = { id: 'u-bob', name: '王芳' };
  await seed(
    pledgeForm,
    { name: '李明', village: '光东村', households: '5户', support: '1 其他：电商' },
    alice,
    '2026-11-21T09:00:00+08:00',
  );
  await seed(pledgeForm, { name: '王芳', village: '光西村', households: '3', support: '养殖' }, bob, '2026-11-22T10:00:00+08:00');
  deps = { records, forms, timezone: 'Asia/Shanghai', unit: '和龙市科协', now: new Date('2026-11-23T10:00:00+08:00') };
});
afterAll(async () => {
  const stale = await redis.keys(`${keys.prefix}*`);
  if (stale.length) await redis.del(...stale);
  await redis.quit();
});

async function sheet(data: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);

describe('a form declared only by its folder and a registry line', () => {
  it('offers the list formats its exports declare', () => {
    expect(formatsOf('pledge', forms)).toEqual(['xlsx', 'csv']);
  });

  it('exports its CSV and official XLSX from its own layout (an empty cell reads back as undefined)', async () => {
    const csv = await buildExport('pledge', 'csv', {}, deps);
    expect(csv.fileName).toBe('帮扶承诺书-2026-11-23.csv');
    expect(csv.count).toBe(2);
    expect(
      csv.data
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\n')
        .slice(0, 3),
    ).toEqual([
      '序号,承诺人,帮扶村,帮扶户数,帮扶方向-种植,帮扶方向-养殖,帮扶方向-其他,群组',
      '1,李明,光东村,5,√,,电商,光东村帮扶群',
      '2,王芳,光西村,3,,√,,光东村帮扶群',
    ]);
    const xlsx = await buildExport('pledge', 'xlsx', {}, deps);
    expect(xlsx.fileName).toBe('帮扶承诺书-2026-11-23.xlsx');
    const ws = await sheet(xlsx.data);
    expect(ws.name).toBe('帮扶承诺书');
    expect(ws.getCell('A1').value).toBe('帮扶承诺汇总表');
    expect(rowValues(ws, 3)).toEqual(['序号', '承诺人', '帮扶村', '帮扶户数', '帮扶方向', '帮扶方向', '帮扶方向', '群组']);
    expect(rowValues(ws, 4).slice(4, 7)).toEqual(['种植', '养殖', '其他']);
    expect(rowValues(ws, 5)).toEqual([1, '李明', '光东村', 5, '√', undefined, '电商', '光东村帮扶群']);
  });

  it('is in the 全部 ZIP beside the registered forms', async () => {
    const all = await buildExport('all', 'zip', {}, deps);
    const names = Object.keys((await JSZip.loadAsync(all.data)).files);
    expect(names).toEqual(['帮扶承诺书.xlsx', '科技之冬活动统计表.xlsx']);
    expect(all.count).toBe(2);
  });

  it('with a Word layout added to its exports, DOCX becomes its default and each record a document', async () => {
    const docx: FormExports['docx'] = (_form, rec) => [
      title('帮扶承诺书'),
      grid(
        [3000, 6000],
        [
          [L('姓名'), T(rec.values.name)],
          [L('帮扶村'), T(rec.values.village)],
        ],
      ),
    ];
    const withDocx = { ...pledgeForm, exports: { layout: pledgeLayout, docx } };
    const registry = [...allForms, withDocx];
    expect(formatsOf('pledge', registry)).toEqual(['docx', 'xlsx', 'csv']);
    const file = await buildExport('pledge', 'docx', {}, { ...deps, forms: registry });
    const zip = await JSZip.loadAsync(file.data);
    expect(Object.keys(zip.files)).toEqual(['帮扶承诺书-01-李明（光东村）.docx', '帮扶承诺书-02-王芳（光西村）.docx']);
    const second = await JSZip.loadAsync(await zip.file('帮扶承诺书-02-王芳（光西村）.docx')!.async('nodebuffer'));
    const xml = await second.file('word/document.xml')!.async('string');
    expect(xml).toContain('光西村');
  });
});

describe('the registry is the forms folder', () => {
  it('every folder under src/flows/forms but shared/ is a registered form of that id, which declares its list layout', () => {
    const dir = path.resolve('src/flows/forms');
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'shared')
      .map((e) => e.name);
    expect(folders.sort()).toEqual(allForms.map((f) => f.id).sort());
    for (const f of allForms) expect(typeof f.exports?.layout, f.id).toBe('function');
  });
});
