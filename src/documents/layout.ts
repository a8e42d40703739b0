import type { StoredRecord } from '../store/records.js';
import { fieldOf, fieldText, type Column, type ExportForm, type ListLayout } from './form-exports.js';

export type { Column, ListLayout } from './form-exports.js';

/** A region value as the region field stores it (省 市 县 乡 村). */
export interface RegionValue {
  province: string;
  city: string;
  county: string;
  township: string;
  village: string;
}

type V = Record<string, unknown>;
export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** A column showing one field as the chat shows it (numbers stay numbers). */
export function col(form: ExportForm, key: string, width: number, header?: string, parent?: string): Column {
  const f = fieldOf(form, key);
  return {
    header: header ?? f.label,
    width,
    ...(parent ? { parent } : {}),
    value: (r) => {
      const v = (r.values as V)[key];
      if (v === undefined) return '';
      return typeof v === 'number' ? v : fieldText(f, v);
    },
  };
}

/** `col` bound to one form, the way every layout calls it. */
export const columnsOf =
  (form: ExportForm) =>
  (key: string, width: number, header?: string, parent?: string): Column =>
    col(form, key, width, header, parent);

/** 省 市 县 乡 村 under one merged 所服务的贫困地区. */
export function region(key: string, label: string): Column[] {
  const parts: [keyof RegionValue, string][] = [
    ['province', '省'],
    ['city', '市'],
    ['county', '县'],
    ['township', '乡'],
    ['village', '村'],
  ];
  const part = (r: StoredRecord, k: keyof RegionValue): string => str(((r.values as V)[key] as RegionValue | undefined)?.[k]);
  return parts.map(([k, h]) => ({ header: h, parent: label, width: 9, value: (r) => part(r, k) }));
}

/** One √ column per printed box, then the 其他/其它 line's text. */
export function ticks(key: string, label: string, options: readonly string[], other: string): Column[] {
  const picked = (r: StoredRecord): string[] => ((r.values as V)[key] as string[] | undefined) ?? [];
  return [
    ...options.map((o) => ({
      header: o,
      parent: label,
      width: Math.max(5, o.length * 2 + 2),
      value: (r: StoredRecord) => (picked(r).includes(o) ? '√' : ''),
    })),
    {
      header: other,
      parent: label,
      width: 14,
      value: (r) =>
        picked(r)
          .filter((p) => p.startsWith(`${other}：`))
          .map((p) => p.slice(other.length + 1))
          .join('、'),
    },
  ];
}

/** A repeating group as lines in one cell: "1. 王强，吉林农大，教授，52，13812345678". */
export function rows(form: ExportForm, key: string, width: number, header?: string): Column {
  const f = fieldOf(form, key);
  const cells = (row: V): string => f.group!.columns.map((c) => (row[c.key] === undefined ? '' : fieldText(c, row[c.key]))).join('，');
  return {
    header: header ?? f.label,
    width,
    value: (r) => (((r.values as V)[key] as V[] | undefined) ?? []).map((row, i) => `${i + 1}. ${cells(row)}`).join('\n'),
  };
}

export const seq: Column = { header: '序号', width: 6, value: (_r, n) => n };
export const meta = (header: string, width: number, pick: (r: StoredRecord) => string): Column => ({ header, width, value: pick });
export const expertName = meta('专家', 10, (r) => r.meta.userName);
export const group = meta('群组', 16, (r) => r.meta.chatTitle || r.meta.chatId);

const STATUS: Record<string, string> = { pending: '审核中', returned: '已退回', approved: '已通过' };

/** Where a 项目书 is in its chain, and what each box says so far. */
export function approvalColumns(form: ExportForm): Column[] {
  return [
    meta('审核状态', 10, (r) =>
      r.status === 'pending' && r.approval ? `待${form.approval![r.approval.stage]?.label ?? ''}` : (STATUS[r.status ?? ''] ?? ''),
    ),
    ...form.approval!.map((st, i) =>
      meta(st.label, 18, (r) => {
        const last = [...(r.approval?.steps ?? [])].reverse().find((s) => s.stage === i && s.decision === 'approve');
        return last && (r.approval?.stage ?? 0) > i ? `${last.opinion}（${last.byName} ${last.at.slice(0, 10)}）` : '';
      }),
    ),
  ];
}

/** A form's list layout: its own, or every field in turn under its title when it declares none. */
export function listLayout(form: ExportForm): ListLayout {
  return form.exports?.layout(form) ?? { title: form.title, columns: [seq, ...form.fields.map((f) => col(form, f.key, 20)), group] };
}

/** Characters Windows, macOS and zip tools refuse in a file name. */
export const safeFileName = (s: string): string =>
  s
    .replace(/[\\/:*?"<>|\r\n\t]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
