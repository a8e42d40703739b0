import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { StoredRecord } from '../store/records.js';
import type { Column, ListLayout } from './layout.js';

export interface SheetHead {
  /** 填表单位 (config org.unit, or the group). */
  unit: string;
  /** 填表时间 as printed: 2026年11月23日. */
  filledAt: string;
  /** Printed after the unit instead of 填表时间, e.g. （统计时间：…）. */
  period?: string;
}

const THIN = { style: 'thin' as const };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** 2026-11-23 → 2026年11月23日, as the seeds print dates. */
export const cnDate = (iso: string): string => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Column letter of a 1-based index (1 → A, 27 → AA). */
export function colName(i: number): string {
  let s = '';
  for (let n = i; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The title row, the 填表单位 / 填表时间 line and the header rows of an official table, with the
 * seed's merged header cells: a parent header spans its children; a column without children spans
 * both header rows. Returns the number of rows above the data (where the pane is frozen).
 */
export function writeHead(ws: ExcelJS.Worksheet, title: string, head: SheetHead, columns: readonly Column[]): number {
  const n = columns.length;
  const last = colName(n);
  const t = ws.getRow(1);
  t.getCell(1).value = title;
  t.getCell(1).font = { bold: true, size: 16 };
  t.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  t.height = 30;
  ws.mergeCells(`A1:${last}1`);
  t.commit();
  const l = ws.getRow(2);
  const half = Math.max(1, Math.floor(n / 2));
  l.getCell(1).value = `填表单位：${head.unit}${head.period ? `    ${head.period}` : ''}`;
  if (!head.period) {
    l.getCell(half + 1).value = `填表时间：${head.filledAt}`;
    l.getCell(half + 1).alignment = { horizontal: 'right' };
  }
  if (half > 1) ws.mergeCells(`A2:${colName(half)}2`);
  if (n > half + 1 && !head.period) ws.mergeCells(`${colName(half + 1)}2:${last}2`);
  l.commit();
  const twoRows = columns.some((c) => c.parent);
  const top = ws.getRow(3);
  // Only touch row 4 for a two-row header: the stream writer would otherwise leave it blank above the data.
  const sub = twoRows ? ws.getRow(4) : undefined;
  for (let i = 0; i < n; i++) {
    const c = columns[i]!;
    const cellTop = top.getCell(i + 1);
    cellTop.value = c.parent ?? c.header;
    if (sub) sub.getCell(i + 1).value = c.parent ? c.header : null;
    for (const cell of sub ? [cellTop, sub.getCell(i + 1)] : [cellTop]) {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }
  if (twoRows) {
    for (let i = 0; i < n;) {
      const c = columns[i]!;
      if (!c.parent) {
        ws.mergeCells(`${colName(i + 1)}3:${colName(i + 1)}4`);
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < n && columns[j + 1]!.parent === c.parent) j++;
      if (j > i) ws.mergeCells(`${colName(i + 1)}3:${colName(j + 1)}3`);
      i = j + 1;
    }
  }
  top.commit();
  sub?.commit();
  return twoRows ? 4 : 3;
}

export const headRowCount = (columns: readonly Column[]): number => (columns.some((c) => c.parent) ? 4 : 3);

export interface OfficialXlsxOptions {
  layout: ListLayout;
  sheetName: string;
  head: SheetHead;
  /** Sparse columns to keep (the ledger's 时长 when some record has it). */
  keepSparse: ReadonlySet<string>;
  records: AsyncIterable<StoredRecord>;
  out: Writable;
  onRow?: (n: number) => void;
}

/** Streams a list form into its official XLSX layout; returns the number of records written. */
export async function writeOfficialXlsx(o: OfficialXlsxOptions): Promise<number> {
  const columns = o.layout.columns.filter((c) => !c.sparseKey || o.keepSparse.has(c.sparseKey));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: o.out, useSharedStrings: false, useStyles: true });
  // The stream writer emits the sheet's views with its first row: the frozen pane is set up front.
  const ws = wb.addWorksheet(o.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headRowCount(columns), xSplit: 0 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  writeHead(ws, o.layout.title, o.head, columns);
  let n = 0;
  for await (const rec of o.records) {
    n++;
    const row = ws.addRow(columns.map((c) => c.value(rec, n)));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    row.commit();
    o.onRow?.(n);
  }
  ws.commit();
  await wb.commit();
  return n;
}
