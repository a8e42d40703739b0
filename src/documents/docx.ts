import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { localDate } from '../core/tz.js';
import type { StoredRecord } from '../store/records.js';
import { fieldText, type DocxBody, type ExportField, type ExportForm, type ImageLoader } from './form-exports.js';
import type { RegionValue } from './layout.js';
import { cnDate } from './xlsx.js';

/**
 * 推荐表 and 项目书 as Word documents laid out as the seeds' tables: label cells and value cells in
 * the printed rows, merged where the seed merges them, the photo in its box, ticked boxes as ☑/☐,
 * and the boxes that are stamped or signed by hand left blank for the hand. Each form builds its
 * rows (src/flows/forms/<id>/docx.ts) from the cells and grid here.
 */
export interface Cell {
  text?: string;
  span?: number;
  rows?: number;
  label?: boolean;
  image?: { data: Buffer; type: 'jpg' | 'png' };
  /** Height hint in lines, for the big boxes (主要事迹, 意见). */
  lines?: number;
  align?: 'left' | 'right' | 'center';
}

export const FONT = { font: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 24 };
const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function paragraphs(c: Cell): Paragraph[] {
  const align = c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' || c.label ? AlignmentType.CENTER : AlignmentType.LEFT;
  if (c.image) {
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: c.image.type, data: c.image.data, transformation: { width: 105, height: 147 } })],
      }),
    ];
  }
  const lines = s(c.text).split('\n');
  const out = lines.map((l) => new Paragraph({ alignment: align, children: [new TextRun({ text: l, bold: c.label === true, ...FONT })] }));
  for (let i = lines.length; i < (c.lines ?? 1); i++) out.push(new Paragraph({ children: [] }));
  return out;
}

/** A table on a grid of `widths` (twips); each row lists its cells left to right. */
export function grid(widths: number[], rows: Cell[][]): Table {
  // Cells covered by a rowSpan from above are written as continuation cells (docx needs them).
  const covered = new Map<string, Cell>();
  const out: TableRow[] = rows.map((row, r) => {
    const cells: TableCell[] = [];
    let col = 0;
    const pushCovered = (): void => {
      while (covered.has(`${r}:${col}`)) {
        const c = covered.get(`${r}:${col}`)!;
        cells.push(new TableCell({ children: [new Paragraph({})], columnSpan: c.span ?? 1, verticalMerge: 'continue' }));
        col += c.span ?? 1;
      }
    };
    for (const c of row) {
      pushCovered();
      const span = c.span ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      cells.push(
        new TableCell({
          children: paragraphs(c),
          columnSpan: span,
          verticalAlign: VerticalAlignTable.CENTER,
          width: { size: width, type: WidthType.DXA },
          ...(c.rows && c.rows > 1 ? { verticalMerge: 'restart' as const } : {}),
        }),
      );
      for (let k = 1; k < (c.rows ?? 1); k++) covered.set(`${r + k}:${col}`, c);
      col += span;
    }
    pushCovered();
    return new TableRow({ children: cells, cantSplit: true });
  });
  return new Table({
    rows: out,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
  });
}

/** A label cell (bold, centred) and a value cell. */
export const L = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, label: true, ...extra });
export const T = (text: unknown, extra: Partial<Cell> = {}): Cell => ({ text: s(text), ...extra });

/** □ boxes as printed, ticked where picked; the 其他 line carries its text. */
export function boxes(picked: unknown, options: readonly string[], other?: string): string {
  const p = Array.isArray(picked) ? (picked as string[]) : [s(picked)];
  const o = other ? p.find((x) => x.startsWith(`${other}：`)) : undefined;
  return [...options.map((x) => `${p.includes(x) ? '☑' : '☐'}${x}`), ...(other ? [o ? `☑${o}` : `☐${other}_____`] : [])].join('  ');
}

/** 省 市 县 乡 村 as five value cells. */
export const regionCells = (r: unknown): Cell[] => {
  const g = (r ?? {}) as Partial<RegionValue>;
  return [T(g.province), T(g.city), T(g.county), T(g.township), T(g.village)];
};

/** The opinion box of a sign-off stage: what the approver wrote, or the blank 盖章/日期 line. */
export function opinion(rec: StoredRecord, stage: number, timezone: string): string {
  const step = [...(rec.approval?.steps ?? [])].reverse().find((x) => x.stage === stage && x.decision === 'approve');
  if (step && (rec.approval?.stage ?? 0) > stage)
    return `${step.opinion}\n（${step.byName}）                （盖章）   ${cnDate(localDate(new Date(step.at), timezone))}`;
  return '\n                                （盖章）   年    月    日';
}

/** The document's printed title, in 小标宋. */
export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text, bold: true, size: 36, font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman' } })],
  });
}

const shown = (f: ExportField, v: unknown): string => (v === undefined ? '' : fieldText(f, v));

/** One record as a .docx: the form's own Word layout, or its fields as label/value rows when it has none. */
export async function recordDocx(
  form: ExportForm,
  rec: StoredRecord,
  load: ImageLoader,
  filledAt: string,
  timezone: string,
): Promise<Buffer> {
  const children: DocxBody = form.exports?.docx
    ? await form.exports.docx(form, rec, { load, filledAt, timezone })
    : [
        title(form.title),
        grid(
          [3000, 6000],
          form.fields.map((f) => [L(f.label), T(shown(f, rec.values[f.key]))]),
        ),
      ];
  const doc = new Document({
    styles: { default: { document: { run: FONT } } },
    sections: [{ properties: { page: { margin: { top: 1200, bottom: 1200, left: 1300, right: 1300 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
