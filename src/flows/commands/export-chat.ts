import type { Config } from '../../config/schema.js';
import type { FormSpec } from '../engine/form.js';
import type { BlobStore } from '../../store/blobs.js';
import type { RecordRepository } from '../../store/records.js';
import { tf } from '../../text/forms.js';
import { buildExport, formatsOf, type FileFormat } from '../../documents/files.js';

export interface ChatExportRequest {
  /** A form's title, trigger or id; 统计表; 全部. */
  what: string;
  format?: string;
  from?: string;
  to?: string;
  chatKey?: string;
  records: RecordRepository;
  forms: readonly FormSpec[];
  config: Pick<Config, 'timezone' | 'org'>;
  now: Date;
  blobs?: BlobStore;
}

/** Which document a word names: 台账, 工作台账, ledger, 统计表, 全部 … */
export function resolveExportTarget(word: string, forms: readonly FormSpec[]): string | undefined {
  if (['全部', 'all', '所有'].includes(word)) return 'all';
  if (['统计表', '统计', 'stats', '科技之冬'].includes(word)) return 'stats';
  const f = forms.find((x) => x.id === word || x.title === word || x.triggers.includes(word) || x.title.includes(word));
  return f?.id;
}

/** `导出 …` in a coordinator's private chat: the file, or a sentence saying why not. */
export async function exportForChat(r: ChatExportRequest): Promise<{ fileName: string; mime: string; data: Buffer; caption: string } | string> {
  const what = resolveExportTarget(r.what, r.forms);
  if (!what) return tf.exports.usage(r.forms.map((f) => f.title));
  const formats = formatsOf(what, r.forms);
  const format = (r.format ?? formats[0]) as FileFormat;
  if (!formats.includes(format)) return tf.exports.usage(r.forms.map((f) => f.title));
  const file = await buildExport(what, format, { ...(r.chatKey ? { chatKey: r.chatKey } : {}), ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) }, {
    records: r.records, forms: r.forms, timezone: r.config.timezone, unit: r.config.org.unit, now: r.now, ...(r.blobs ? { blobs: r.blobs } : {}),
  });
  if (file.count === 0 && what !== 'stats') return tf.exports.nothing;
  const title = what === 'all' ? '全部表格' : what === 'stats' ? '科技之冬活动统计表' : r.forms.find((f) => f.id === what)!.title;
  return { fileName: file.fileName, mime: file.mime, data: file.data, caption: tf.exports.caption(title, file.count) };
}
