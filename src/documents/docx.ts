import {
  AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import type { AttachmentRef, FormSpec } from '../flows/engine/form.js';
import { formatValue } from '../flows/engine/form.js';
import { SERVICE_CATEGORIES, SERVICE_MODES } from '../flows/forms/shared/options.js';
import { PROJECT_CATEGORIES } from '../flows/forms/project-person/form.js';
import type { Region } from '../flows/parsers/misc.js';
import type { StoredRecord } from '../store/records.js';
import { cnDate } from './xlsx.js';

/**
 * 推荐表 and 项目书 as Word documents laid out as the seeds' tables: label cells and value cells in
 * the printed rows, merged where the seed merges them, the photo in its box, ticked boxes as ☑/☐,
 * and the boxes that are stamped or signed by hand left blank for the hand.
 */
export type ImageLoader = (ref: AttachmentRef) => Promise<Buffer | undefined>;

interface Cell {
  text?: string;
  span?: number;
  rows?: number;
  label?: boolean;
  image?: { data: Buffer; type: 'jpg' | 'png' };
  /** Height hint in lines, for the big boxes (主要事迹, 意见). */
  lines?: number;
  align?: 'left' | 'right' | 'center';
}

const FONT = { font: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 24 };
type V = Record<string, unknown>;
const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function paragraphs(c: Cell): Paragraph[] {
  const align = c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' || c.label ? AlignmentType.CENTER : AlignmentType.LEFT;
  if (c.image) {
    return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: c.image.type, data: c.image.data, transformation: { width: 105, height: 147 } })] })];
  }
  const lines = s(c.text).split('\n');
  const out = lines.map((l) => new Paragraph({ alignment: align, children: [new TextRun({ text: l, bold: c.label === true, ...FONT })] }));
  for (let i = lines.length; i < (c.lines ?? 1); i++) out.push(new Paragraph({ children: [] }));
  return out;
}

/** A table on a grid of `widths` (twips); each row lists its cells left to right. */
function grid(widths: number[], rows: Cell[][]): Table {
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
      cells.push(new TableCell({
        children: paragraphs(c), columnSpan: span, verticalAlign: VerticalAlignTable.CENTER,
        width: { size: width, type: WidthType.DXA },
        ...(c.rows && c.rows > 1 ? { verticalMerge: 'restart' as const } : {}),
      }));
      for (let k = 1; k < (c.rows ?? 1); k++) covered.set(`${r + k}:${col}`, c);
      col += span;
    }
    pushCovered();
    return new TableRow({ children: cells, cantSplit: true });
  });
  return new Table({ rows: out, columnWidths: widths, layout: TableLayoutType.FIXED, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } });
}

const L = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, label: true, ...extra });
const T = (text: unknown, extra: Partial<Cell> = {}): Cell => ({ text: s(text), ...extra });

/** □ boxes as printed, ticked where picked; the 其他 line carries its text. */
function boxes(picked: unknown, options: readonly string[], other?: string): string {
  const p = Array.isArray(picked) ? (picked as string[]) : [s(picked)];
  const o = other ? p.find((x) => x.startsWith(`${other}：`)) : undefined;
  return [...options.map((x) => `${p.includes(x) ? '☑' : '☐'}${x}`), ...(other ? [o ? `☑${o}` : `☐${other}_____`] : [])].join('  ');
}

const regionCells = (r: unknown): Cell[] => {
  const g = (r ?? {}) as Partial<Region>;
  return [T(g.province), T(g.city), T(g.county), T(g.township), T(g.village)];
};

/** The opinion box of a sign-off stage: what the approver wrote, or the blank 盖章/日期 line. */
function opinion(rec: StoredRecord, stage: number): string {
  const step = [...(rec.approval?.steps ?? [])].reverse().find((x) => x.stage === stage && x.decision === 'approve');
  if (step && (rec.approval?.stage ?? 0) > stage) return `${step.opinion}\n（${step.byName}）                （盖章）   ${cnDate(step.at.slice(0, 10))}`;
  return '\n                                （盖章）   年    月    日';
}

function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text, bold: true, size: 36, font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman' } })] });
}

async function photoCell(rec: StoredRecord, load: ImageLoader): Promise<Cell> {
  const ref = (rec.values as V).photo as AttachmentRef | undefined;
  const data = ref ? await load(ref) : undefined;
  if (!ref || !data || (ref.format !== 'jpeg' && ref.format !== 'png')) return L('照片\n（近期2寸免冠\n蓝底彩色照片）', { rows: 4 });
  return { image: { data, type: ref.format === 'png' ? 'png' : 'jpg' }, rows: 4 };
}

async function teamDoc(rec: StoredRecord): Promise<(Paragraph | Table)[]> {
  const v = rec.values as V;
  const w = [2000, 1400, 1400, 1400, 1400, 1400];
  return [
    title('2016年以来全国科技助力精准扶贫先进团队推荐表'),
    grid(w, [
      [L('团队名称'), T(v.teamName, { span: 5 })],
      [L('团队研究方向/专业'), T(v.direction, { span: 2 }), L('团队专家总人数', { span: 2 }), T(v.expertCount)],
      [L('负责人姓名'), T(v.leader), L('联系方式'), T(v.leaderPhone), L('职务/职称'), T(v.leaderTitle)],
      [L('Email'), T(v.email, { span: 2 }), L('邮政编码', { span: 2 }), T(v.postcode)],
      [L('通讯地址'), T(v.address, { span: 5 })],
      [L('所服务的贫困地区'), ...regionCells(v.region)],
      [L('服务类别'), T(boxes(v.categories, SERVICE_CATEGORIES, '其他'), { span: 5 })],
      [L('服务方式'), T(boxes(v.modes, SERVICE_MODES, '其他'), { span: 5 })],
      [L('深入贫困地区服务专家姓名'), T(v.experts, { span: 5 })],
      [L('带动脱贫贫困人口数'), T(v.peopleLifted, { span: 2 }), L('深入贫困地区开展服务累计天数', { span: 2 }), T(v.serviceDays)],
      [L('主要事迹\n（2000字内）'), T(v.deeds, { span: 5, lines: 12 })],
      [L('获得表扬或荣誉\n（省部级及以上）'), T(v.honors, { span: 5, lines: 3 })],
      [L('省级科技助力精准扶贫工程领导小组办公室推荐意见'), T('\n\n（单位盖章）\n年    月    日', { span: 5, align: 'right', lines: 4 })],
    ]),
  ];
}

async function personDoc(rec: StoredRecord, load: ImageLoader): Promise<(Paragraph | Table)[]> {
  const v = rec.values as V;
  const w = [1800, 1900, 1600, 2000, 1900];
  return [
    title('2016年以来全国科技助力精准扶贫先进个人推荐表'),
    grid(w, [
      [L('姓  名'), T(v.name), L('性  别'), T(v.sex), await photoCell(rec, load)],
      [L('职务/职称'), T(v.title), L('政治面貌'), T(v.political)],
      [L('身份证号码'), T(v.idCard), L('联系方式'), T(v.phone)],
      [L('Email'), T(v.email), L('邮政编码'), T(v.postcode)],
      [L('通讯地址'), T(v.address, { span: 4 })],
      [L('工作单位'), T(v.employer, { span: 4 })],
      [L('工作单位\n联系方式', { rows: 2 }), L('联系人'), T(v.contact), L('职  务'), T(v.contactTitle)],
      [L('办公电话'), T(v.officePhone), L('传真号码'), T(v.fax)],
      [L('所服务的\n贫困地区'), ...regionCells(v.region).slice(0, 3), T(`${s((v.region as Region | undefined)?.township)} ${s((v.region as Region | undefined)?.village)}`)],
      [L('服务类别'), T(boxes(v.categories, SERVICE_CATEGORIES, '其他'), { span: 4 })],
      [L('服务方式'), T(boxes(v.modes, SERVICE_MODES, '其他'), { span: 4 })],
      [L('带动脱贫贫\n困人口数'), T(v.peopleLifted), L('深入贫困地区开展服务\n累计天数', { span: 2 }), T(v.serviceDays)],
      [L('主要事迹\n（1000字内）'), T(v.deeds, { span: 4, lines: 10 })],
      [L('获得表扬\n或荣誉\n（省部级及以上）'), T(v.honors, { span: 4, lines: 3 })],
      [L('省级科技助力精准扶贫工程领导小组办公室推荐意见'), T('\n\n（单位盖章）\n年    月    日', { span: 4, align: 'right', lines: 4 })],
    ]),
  ];
}

function villageRows(v: V, label: string): Cell[][] {
  const rows = (v.villages as V[] | undefined) ?? [];
  const shown = rows.length ? rows : [{}];
  return [
    [L(label, { rows: shown.length + 1 }), L(''), L('贫困村名称'), L('贫困村联系人'), L('联系电话')],
    ...shown.map((r, i) => [T(i + 1, { align: 'center' }), T(r.name), T(r.contact), T(r.phone)]),
  ];
}

function projectDoc(rec: StoredRecord, form: FormSpec, filledAt: string): (Paragraph | Table)[] {
  const v = rec.values as V;
  const w = [1800, 800, 2600, 1900, 2100];
  const unit = form.id === 'project-unit';
  const content = form.fields.find((f) => f.key === 'content')!.label;
  const chain = form.approval ?? [];
  const head: Cell[][] = unit
    ? [
        [L('申报单位'), T(v.applicant, { span: 4 })],
        [L('通信地址'), T(v.address, { span: 2 }), L('邮政编码'), T(v.postcode)],
        [L('单位负责人'), T(v.head, { span: 2 }), L('联系人'), T(v.contact)],
        [L('联系电话'), T(v.phone, { span: 2 }), L('电子邮箱'), T(v.email)],
      ]
    : [
        [L('申报人姓名'), T(v.name, { span: 2 }), L('工作单位'), T(v.employer)],
        [L('通信地址'), T(v.address, { span: 2 }), L('邮政编码'), T(v.postcode)],
        [L('申报人专业'), T(v.major, { span: 2 }), L('职称'), T(v.title)],
        [L('联系电话'), T(v.phone, { span: 2 }), L('电子邮箱'), T(v.email)],
      ];
  const body: Cell[][] = [
    ...villageRows(v, '联系帮扶贫困村情况（根据帮扶贫困村的数量填写）'),
    [L('项目名称'), T(v.projectName, { span: 4 })],
    ...(unit ? [] : [[L('项目类别'), T(boxes(v.category, PROJECT_CATEGORIES), { span: 4 })]]),
    [L(content), T(`${s(v.content)}${unit ? '' : '\n\n                                        专家签名：'}`, { span: 4, lines: 10 })],
    ...chain.map((st, i) => [L(st.label), T(opinion(rec, i), { span: 4, align: 'right', lines: 3 })]),
  ];
  return [
    title(`山东省科协精准扶贫专家服务行动项目书（${unit ? '一' : '二'}）`),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `填表时间：${cnDate(filledAt)}`, ...FONT })] }),
    grid(w, [...head, ...body]),
    new Paragraph({ children: [new TextRun({ text: unit ? '备注：此表申报主体为单位，单位只申报科普教育类项目。' : '备注：此表申报主体为个人', ...FONT })] }),
  ];
}

/** Forms that have a DOCX layout. */
export const DOCX_FORMS = ['team', 'individual', 'project-unit', 'project-person'] as const;

/** One record as a .docx; `filledAt` is the record's 填表时间 (its confirmation date, YYYY-MM-DD). */
export async function recordDocx(form: FormSpec, rec: StoredRecord, load: ImageLoader, filledAt: string): Promise<Buffer> {
  const children =
    form.id === 'team' ? await teamDoc(rec)
      : form.id === 'individual' ? await personDoc(rec, load)
        : form.id === 'project-unit' || form.id === 'project-person' ? projectDoc(rec, form, filledAt)
          : [title(form.title), grid([3000, 6000], form.fields.map((f) => [L(f.label), T(rec.values[f.key] === undefined ? '' : formatValue(f, rec.values[f.key]))]))];
  const doc = new Document({
    styles: { default: { document: { run: FONT } } },
    sections: [{ properties: { page: { margin: { top: 1200, bottom: 1200, left: 1300, right: 1300 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

