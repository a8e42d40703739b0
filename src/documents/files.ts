import { stringify } from 'csv-stringify/sync';
import { PassThrough } from 'node:stream';
import { MIME } from '../core/mime.js';
import { localDate } from '../core/tz.js';
import type { FormSpec } from '../flows/engine/form.js';
import type { BlobStore } from '../store/blobs.js';
import type { RecordQuery, RecordRepository, StoredRecord } from '../store/records.js';
import { DOCX_FORMS, recordDocx } from './docx.js';
import { exhibitBaseName, listLayout, safeFileName } from './layout.js';
import { cnDate, writeOfficialXlsx } from './xlsx.js';
import { collectStats, statsXlsx } from './stats.js';
import { teamPlanXlsx } from '../flows/forms/teamplan/xlsx.js';
import { zipBuffer, type ZipEntry } from './zip.js';

export type FileFormat = 'csv' | 'xlsx' | 'docx' | 'zip';

export interface ExportScope {
  chatKey?: string;
  from?: string;
  to?: string;
}

export interface ExportDeps {
  records: RecordRepository;
  forms: readonly FormSpec[];
  timezone: string;
  /** 填表单位. */
  unit: string;
  now: Date;
  blobs?: BlobStore;
}

export interface ExportFile {
  fileName: string;
  mime: string;
  data: Buffer;
  count: number;
}

/** The formats each kind of document comes in; the first is the default. */
export function formatsOf(what: string): FileFormat[] {
  if (what === 'stats') return ['xlsx'];
  if (what === 'all') return ['zip'];
  if (what === 'exhibit') return ['zip', 'xlsx', 'csv'];
  if ((DOCX_FORMS as readonly string[]).includes(what)) return ['docx', 'xlsx', 'csv'];
  return ['xlsx', 'csv'];
}

async function collect(records: RecordRepository, q: RecordQuery): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for await (const r of records.scan(q)) out.push(r);
  return out;
}

async function* each<T>(xs: readonly T[]): AsyncGenerator<T> {
  yield* xs;
}

/**
 * Builds one document in its official layout: a list form's XLSX/CSV, the 推荐表/项目书 DOCX (a ZIP
 * of them when there are several), the exhibition ZIP, the 统计表, or everything in one ZIP.
 */
export async function buildExport(what: string, format: FileFormat, scope: ExportScope, d: ExportDeps): Promise<ExportFile> {
  const today = localDate(d.now, d.timezone);
  if (what === 'stats') {
    const rows = await collectStats(d.records, d.forms, scope);
    const data = await statsXlsx(rows, { unit: d.unit, ...(scope.from ? { from: scope.from } : {}), ...(scope.to ? { to: scope.to } : {}) });
    return { fileName: `科技之冬活动统计表-${today}.xlsx`, mime: MIME.xlsx, data, count: rows.length };
  }
  if (what === 'all') return bundle(scope, d, today);
  const form = d.forms.find((f) => f.id === what);
  if (!form) throw new Error(`unknown form ${what}`);
  const recs = await collect(d.records, { form: form.id, ...scope });
  const base = `${form.title}-${today}`;
  const layout = listLayout(form);
  if (format === 'csv') {
    const cols = layout.columns.filter((c) => !c.sparseKey || recs.some((r) => r.values[c.sparseKey!] !== undefined));
    const head = cols.map((c) => (c.parent ? `${c.parent}-${c.header}` : c.header));
    const body = recs.map((r, i) => cols.map((c) => c.value(r, i + 1)));
    return { fileName: `${base}.csv`, mime: MIME.csv, data: Buffer.from(`\uFEFF${stringify([head, ...body])}`), count: recs.length };
  }
  if (format === 'xlsx') {
    const data = form.id === 'teamplan' ? await teamPlanXlsx(form, recs) : await listXlsx(form, recs, d, today);
    return { fileName: `${base}.xlsx`, mime: MIME.xlsx, data, count: recs.length };
  }
  if (format === 'docx') {
    const docs = await docxEntries(form, recs, d);
    if (docs.length === 1) return { fileName: docs[0]!.name, mime: MIME.docx, data: docs[0]!.data as Buffer, count: 1 };
    return { fileName: `${base}.zip`, mime: MIME.zip, data: await zipBuffer(docs), count: recs.length };
  }
  if (form.id === 'exhibit') return { fileName: `${base}.zip`, mime: MIME.zip, data: await zipBuffer(await exhibitEntries(recs, d, '')), count: recs.length };
  throw new Error(`${form.id} has no ${format} export`);
}

async function listXlsx(form: FormSpec, recs: StoredRecord[], d: ExportDeps, today: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const keepSparse = new Set(form.fields.filter((f) => f.ask === false && recs.some((r) => r.values[f.key] !== undefined)).map((f) => f.key));
  await writeOfficialXlsx({ layout: listLayout(form), sheetName: form.title, head: { unit: d.unit, filledAt: cnDate(today) }, keepSparse, records: each(recs), out });
  out.end();
  return Buffer.concat(chunks);
}

async function docxEntries(form: FormSpec, recs: StoredRecord[], d: ExportDeps, dir = ''): Promise<{ name: string; data: Buffer }[]> {
  const load = async (ref: { id: string }): Promise<Buffer | undefined> => (d.blobs ? d.blobs.get(ref.id).catch(() => undefined) : undefined);
  const out: { name: string; data: Buffer }[] = [];
  for (const [i, r] of recs.entries()) {
    const name = `${dir}${form.title}-${String(i + 1).padStart(2, '0')}-${safeFileName(form.summary?.(r.values) ?? r.id.slice(0, 8)).slice(0, 40)}.docx`;
    out.push({ name, data: await recordDocx(form, r, load, localDate(new Date(r.meta.createdAt), d.timezone)) });
  }
  return out;
}

/**
 * Exhibition pictures and their captions under one base name each ("图片命名应与展览注释的文件名称
 * 保持一致"): 1-01-光东村水稻育秧现场.jpg beside 1-01-光东村水稻育秧现场.txt.
 */
async function exhibitEntries(recs: StoredRecord[], d: ExportDeps, dir: string): Promise<ZipEntry[]> {
  const out: ZipEntry[] = [];
  for (const [i, r] of recs.entries()) {
    const name = exhibitBaseName(r, i + 1);
    const image = r.values.image as { id: string } | undefined;
    if (image && d.blobs) out.push({ name: `${dir}${name}.jpg`, path: d.blobs.path(image.id) });
    out.push({ name: `${dir}${name}.txt`, data: `${String(r.values.caption ?? '')}\r\n` });
  }
  return out;
}

/** One ZIP of everything for a group and period: every list form, every DOCX, the exhibition, the 统计表. */
async function bundle(scope: ExportScope, d: ExportDeps, today: string): Promise<ExportFile> {
  const entries: ZipEntry[] = [];
  let count = 0;
  for (const form of d.forms) {
    const recs = await collect(d.records, { form: form.id, ...scope });
    if (!recs.length) continue;
    count += recs.length;
    const xlsx = form.id === 'teamplan' ? await teamPlanXlsx(form, recs) : await listXlsx(form, recs, d, today);
    entries.push({ name: `${form.title}.xlsx`, data: xlsx });
    if ((DOCX_FORMS as readonly string[]).includes(form.id)) entries.push(...(await docxEntries(form, recs, d, `${form.title}/`)));
    if (form.id === 'exhibit') entries.push(...(await exhibitEntries(recs, d, '展览素材/')));
  }
  const stats = await collectStats(d.records, d.forms, scope);
  entries.push({ name: '科技之冬活动统计表.xlsx', data: await statsXlsx(stats, { unit: d.unit, ...(scope.from ? { from: scope.from } : {}), ...(scope.to ? { to: scope.to } : {}) }) });
  return { fileName: `全部表格-${today}.zip`, mime: MIME.zip, data: await zipBuffer(entries), count };
}
