import {
  AlignmentType,
  Document,
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
import type { Summary, SummaryTable } from './summary.js';

/**
 * The summary as a Word document in the usual layout of a 公文 draft: title in 小标宋, headings in
 * 黑体, body in 仿宋 with a two-character first-line indent, figures in plain tables.
 */
const BODY = { font: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 30 };
const HEADING = { font: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 30 };
const SUBHEADING = { font: { eastAsia: '楷体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 30 };
const TABLE = { font: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 24 };
const INDENT = { firstLine: 600 };

const body = (text: string): Paragraph =>
  new Paragraph({ indent: INDENT, spacing: { line: 560 }, children: [new TextRun({ text, ...BODY })] });
const heading = (text: string, style: typeof HEADING): Paragraph =>
  new Paragraph({ indent: INDENT, spacing: { before: 120, line: 560 }, children: [new TextRun({ text, ...style })] });

function table(t: SummaryTable): Table {
  const width = 9000;
  const first = 3000;
  const rest = t.head.length > 1 ? Math.floor((width - first) / (t.head.length - 1)) : width;
  const widths = t.head.map((_, i) => (i === 0 ? first : rest));
  const cell = (text: string, i: number, bold: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text, bold, ...TABLE })],
        }),
      ],
    });
  return new Table({
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, children: t.head.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

export async function summaryDocx(s: Summary): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [
        new TextRun({ text: s.title, size: 40, font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } }),
      ],
    }),
    ...s.meta.map((m) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: m, ...TABLE })] })),
  ];
  for (const sec of s.sections) {
    children.push(heading(sec.heading, HEADING), ...sec.paragraphs.map(body));
    if (sec.table && sec.table.rows.length) children.push(table(sec.table), new Paragraph({}));
    for (const sub of sec.subsections ?? []) children.push(heading(sub.heading, SUBHEADING), ...sub.paragraphs.map(body));
  }
  const doc = new Document({
    creator: 'bangfu',
    title: s.title,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** The document's text, paragraph by paragraph (tests and previews read it instead of unzipping by hand). */
export function summaryPlainText(s: Summary): string {
  const out: string[] = [s.title, ...s.meta];
  for (const sec of s.sections) {
    out.push(sec.heading, ...sec.paragraphs);
    if (sec.table) out.push(sec.table.head.join('\t'), ...sec.table.rows.map((r) => r.join('\t')));
    for (const sub of sec.subsections ?? []) out.push(sub.heading, ...sub.paragraphs);
  }
  return out.join('\n');
}
