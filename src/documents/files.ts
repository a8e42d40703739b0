import { stringify } from 'csv-stringify/sync';
import { PassThrough } from 'node:stream';
import { MIME } from '../core/mime.js';
import { localDate } from '../core/tz.js';
import type { BlobStore } from '../store/blobs.js';
import type { RecordQuery, RecordRepository, StoredRecord } from '../store/records.js';
import { recordDocx } from './docx.js';
import type { ExportForm } from './form-exports.js';
import { listLayout, safeFileName } from './layout.js';
import { cnDate, writeOfficialXlsx } from './xlsx.js';
import { collectStats, statsXlsx } from './stats.js';
import { zipBuffer, type ZipEntry } from './zip.js';

export type FileFormat = 'csv' | 'xlsx' | 'docx' | 'zip';

export interface ExportScope {
  chatKey?: string;
  from?: string;
  to?: string;
}

export interface ExportDeps {
  records: RecordRepository;
  /** The registry: every form there is, each with the exports it declares. */
  forms: readonly ExportForm[];
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

/**
 * The formats each kind of document comes in, from what the form's exports offer; the first is the
 * default: its files' ZIP, else its Word documents, else its list. `stats` and `all` are not forms.
 */
export function formatsOf(what: string, forms: readonly ExportForm[]): FileFormat[] {
  if (what === 'stats') return ['xlsx'];
  if (what === 'all') return ['zip'];
  const ex = forms.find((f) => f.id === what)?.exports;
  return [...(ex?.files ? ['zip' as const] : []), ...(ex?.docx ? ['docx' as const] : []), 'xlsx', 'csv'];
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
 * Builds one document in its official layout: a form's list as XLSX/CSV (or its own XLSX), its Word
 * documents (推荐表/项目书; a ZIP of them when there are several), its files' ZIP (the exhibition),
 * the 统计表, or everything in one ZIP. What a form offers comes from its `exports`.
 */
export async function buildExport(what: string, format: FileFormat, scope: ExportScope, d: ExportDeps): Promise<ExportFile> {
  const today = localDate(d.now, d.timezone);
  if (what === 'stats') {
    const rows = await collectStats(d.records, d.forms, scope);
    const data = await statsXlsx(rows, {
      unit: d.unit,
      ...(scope.from ? { from: scope.from } : {}),
      ...(scope.to ? { to: scope.to } : {}),
    });
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
    const data = await formXlsx(form, recs, d, today);
    return { fileName: `${base}.xlsx`, mime: MIME.xlsx, data, count: recs.length };
  }
  if (format === 'docx') {
    const docs = await docxEntries(form, recs, d);
    if (docs.length === 1) return { fileName: docs[0]!.name, mime: MIME.docx, data: docs[0]!.data as Buffer, count: 1 };
    return { fileName: `${base}.zip`, mime: MIME.zip, data: await zipBuffer(docs), count: recs.length };
  }
  const files = form.exports?.files;
  if (files) {
    const data = await zipBuffer(await files.entries(recs, d.blobs, ''));
    return { fileName: `${base}.zip`, mime: MIME.zip, data, count: recs.length };
  }
  throw new Error(`${form.id} has no ${format} export`);
}

/** The form's own XLSX when it has one (工作安排表: a sheet per team), else its list in the official layout. */
async function formXlsx(form: ExportForm, recs: StoredRecord[], d: ExportDeps, today: string): Promise<Buffer> {
  return form.exports?.xlsx ? form.exports.xlsx(form, recs) : listXlsx(form, recs, d, today);
}

async function listXlsx(form: ExportForm, recs: StoredRecord[], d: ExportDeps, today: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const keepSparse = new Set(
    form.fields.filter((f) => f.ask === false && recs.some((r) => r.values[f.key] !== undefined)).map((f) => f.key),
  );
  await writeOfficialXlsx({
    layout: listLayout(form),
    sheetName: form.title,
    head: { unit: d.unit, filledAt: cnDate(today) },
    keepSparse,
    records: each(recs),
    out,
  });
  out.end();
  return Buffer.concat(chunks);
}

async function docxEntries(form: ExportForm, recs: StoredRecord[], d: ExportDeps, dir = ''): Promise<{ name: string; data: Buffer }[]> {
  const load = async (ref: { id: string }): Promise<Buffer | undefined> =>
    d.blobs ? d.blobs.get(ref.id).catch(() => undefined) : undefined;
  const out: { name: string; data: Buffer }[] = [];
  for (const [i, r] of recs.entries()) {
    const what = safeFileName(form.summary?.(r.values) ?? r.id.slice(0, 8)).slice(0, 40);
    const name = `${dir}${form.title}-${String(i + 1).padStart(2, '0')}-${what}.docx`;
    out.push({ name, data: await recordDocx(form, r, load, localDate(new Date(r.meta.createdAt), d.timezone), d.timezone) });
  }
  return out;
}

/** One ZIP of everything for a group and period: every form's XLSX, its DOCX and its files, then the 统计表. */
async function bundle(scope: ExportScope, d: ExportDeps, today: string): Promise<ExportFile> {
  const entries: ZipEntry[] = [];
  let count = 0;
  for (const form of d.forms) {
    const recs = await collect(d.records, { form: form.id, ...scope });
    if (!recs.length) continue;
    count += recs.length;
    entries.push({ name: `${form.title}.xlsx`, data: await formXlsx(form, recs, d, today) });
    if (form.exports?.docx) entries.push(...(await docxEntries(form, recs, d, `${form.title}/`)));
    const files = form.exports?.files;
    if (files) entries.push(...(await files.entries(recs, d.blobs, files.folder)));
  }
  const stats = await collectStats(d.records, d.forms, scope);
  entries.push({
    name: '科技之冬活动统计表.xlsx',
    data: await statsXlsx(stats, { unit: d.unit, ...(scope.from ? { from: scope.from } : {}), ...(scope.to ? { to: scope.to } : {}) }),
  });
  return { fileName: `全部表格-${today}.zip`, mime: MIME.zip, data: await zipBuffer(entries), count };
}
