import { SingleBar, Presets } from 'cli-progress';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { createApp } from '../app.js';
import { loadConfig } from '../config/load.js';
import { allForms } from '../flows/forms/registry.js';
import { parseDate } from '../flows/parsers/date.js';
import { createLogger } from '../log/logger.js';
import type { RecordRepository } from '../store/records.js';
import { buildExport, formatsOf, type FileFormat } from '../documents/files.js';
import { writeExport } from '../documents/stream.js';
import { UsageError } from './usage-error.js';

export interface ExportCliOptions {
  /** A form id, `stats` (004 附件4) or `all` (one ZIP of everything). */
  form: string;
  format?: FileFormat;
  /** official: the seed's layout (title, 填表单位, merged headers); data: one header row, for scripts. */
  layout?: 'official' | 'data';
  group?: string;
  from?: string;
  to?: string;
  out: string;
}

/** `--group` takes a group's title (as people know it) or its chat key. */
async function resolveGroup(records: RecordRepository, group: string): Promise<string> {
  const titles = await records.groupTitles();
  if (group in titles) return group;
  const hits = Object.entries(titles).filter(([, title]) => title === group);
  if (hits.length === 1) return hits[0]![0];
  if (hits.length > 1) throw new UsageError(`有 ${hits.length} 个群都叫「${group}」，请改用群 ID：${hits.map(([k]) => k).join('、')}`);
  throw new UsageError(`没有找到群组「${group}」。已有记录的群：${Object.values(titles).join('、') || '（无）'}`);
}

export async function runExport(opts: ExportCliOptions): Promise<void> {
  const config = loadConfig();
  const form = allForms.find((f) => f.id === opts.form);
  if (!form && opts.form !== 'stats' && opts.form !== 'all') throw new UsageError(`没有表单 ${opts.form}`);
  const formats = formatsOf(opts.form, allForms);
  const format = opts.format ?? formats[0]!;
  if (!formats.includes(format)) throw new UsageError(`${form?.title ?? opts.form} 可导出的格式：${formats.join('、')}`);
  // The ledger's plain table (one header row) stays its default, for the scripts that read it.
  const layout = opts.layout ?? (opts.form === 'ledger' ? 'data' : 'official');
  const now = new Date();
  const date = (label: string, s?: string): string | undefined => {
    if (!s) return undefined;
    const r = parseDate(s, { now, timezone: config.timezone }, { allowFuture: true });
    if (!r.ok) throw new UsageError(`${label} 日期「${s}」：${r.reason}`);
    return r.value;
  };
  const from = date('--from', opts.from);
  const to = date('--to', opts.to);

  const app = await createApp(config, createLogger(config.log.level === 'info' ? 'warn' : config.log.level));
  try {
    const chatKey = opts.group ? await resolveGroup(app.records, opts.group) : undefined;
    const scope = { ...(chatKey ? { chatKey } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
    if (!form || layout === 'official' || (format !== 'csv' && format !== 'xlsx')) {
      const file = await buildExport(opts.form, format, scope, {
        records: app.records,
        forms: allForms,
        timezone: config.timezone,
        unit: config.org.unit,
        now,
        blobs: app.blobs,
      });
      if (opts.out === '-') process.stdout.write(file.data);
      else {
        await writeFile(opts.out, file.data);
        process.stderr.write(`已导出 ${file.count} 条《${form?.title ?? file.fileName}》到 ${opts.out}\n`);
      }
      return;
    }
    const query = { form: form.id, ...scope };
    const toStdout = opts.out === '-';
    const out: Writable = toStdout ? process.stdout : createWriteStream(opts.out);
    const showBar = !toStdout && Boolean(process.stderr.isTTY);
    const bar = new SingleBar({ format: '导出中 [{bar}] {value}/{total} 条', stream: process.stderr }, Presets.shades_classic);
    if (showBar) bar.start(await app.records.count(query), 0);
    const n = await writeExport({
      form,
      format,
      timezone: config.timezone,
      records: () => app.records.scan(query),
      out,
      ...(showBar ? { onRow: (i: number) => bar.update(i) } : {}),
    });
    if (showBar) bar.stop();
    if (!toStdout) {
      out.end();
      await finished(out);
      process.stderr.write(`已导出 ${n} 条《${form.title}》到 ${opts.out}\n`);
    }
  } finally {
    await app.close();
  }
}
