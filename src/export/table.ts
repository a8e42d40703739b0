import { localDateTime } from '../core/tz.js';
import { formatValue, type FormSpec } from '../flows/form.js';
import type { StoredRecord } from '../store/records.js';

/**
 * A form's export table: 序号, the form's fields in the seed's order, then who/where/when it was
 * entered. Numbers stay numbers so the coordinator's spreadsheet can sum 参加人次.
 */
export interface ExportTable {
  headers: string[];
  widths: number[];
  row(rec: StoredRecord, seq: number): (string | number)[];
}

export function exportTable(form: FormSpec, tz: string): ExportTable {
  return {
    headers: ['序号', ...form.fields.map((f) => f.label), '专家', '群组', '录入时间'],
    widths: [6, ...form.fields.map((f) => (f.choices ? 12 : f.key === 'date' ? 12 : 24)), 10, 16, 18],
    row(rec, seq) {
      const cells = form.fields.map((f) => {
        const v = rec.values[f.key];
        if (v === undefined) return '';
        return typeof v === 'number' ? v : formatValue(f, v);
      });
      return [seq, ...cells, rec.meta.userName, rec.meta.chatTitle || rec.meta.chatId, localDateTime(new Date(rec.meta.createdAt), tz)];
    },
  };
}
