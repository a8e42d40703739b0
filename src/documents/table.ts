import { localDateTime } from '../core/tz.js';
import type { StoredRecord } from '../store/records.js';
import { fieldText, type ExportForm } from './form-exports.js';

/**
 * A form's plain data table: 序号, the form's fields in the seed's order, then who/where/when it was
 * entered. Numbers stay numbers so the coordinator's spreadsheet can sum 参加人次. A field that is
 * offered rather than asked (the ledger's 时长) is a column only when some exported record has it,
 * so tables of records without it keep exactly the seed's columns.
 */
export interface ExportTable {
  headers: string[];
  widths: number[];
  row(rec: StoredRecord, seq: number): (string | number)[];
}

export function exportTable(form: ExportForm, tz: string, withSparse: ReadonlySet<string> = new Set()): ExportTable {
  const fields = form.fields.filter((f) => f.ask !== false || withSparse.has(f.key));
  return {
    headers: ['序号', ...fields.map((f) => f.label), '专家', '群组', '录入时间'],
    widths: [6, ...fields.map((f) => (f.choices ? 12 : f.key === 'date' ? 12 : 24)), 10, 16, 18],
    row(rec, seq) {
      const cells = fields.map((f) => {
        const v = rec.values[f.key];
        if (v === undefined) return '';
        return typeof v === 'number' ? v : fieldText(f, v);
      });
      return [seq, ...cells, rec.meta.userName, rec.meta.chatTitle || rec.meta.chatId, localDateTime(new Date(rec.meta.createdAt), tz)];
    },
  };
}

/** The sparse (offered, not asked) fields that at least one record fills. */
export async function sparseFieldsUsed(form: ExportForm, records: AsyncIterable<StoredRecord>): Promise<Set<string>> {
  const sparse = form.fields.filter((f) => f.ask === false).map((f) => f.key);
  const used = new Set<string>();
  if (!sparse.length) return used;
  for await (const r of records) {
    for (const k of sparse) if (r.values[k] !== undefined) used.add(k);
    if (used.size === sparse.length) break;
  }
  return used;
}
