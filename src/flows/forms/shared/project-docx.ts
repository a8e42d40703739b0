import { AlignmentType, Paragraph, TextRun } from 'docx';
import { FONT, grid, L, opinion, T, title, type Cell } from '../../../documents/docx.js';
import { fieldOf, type DocxBody, type DocxContext, type ExportForm } from '../../../documents/form-exports.js';
import type { StoredRecord } from '../../../store/records.js';
import { cnDate } from '../../../documents/xlsx.js';

type V = Record<string, unknown>;
const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** What differs between 项目书（一）(a unit applies) and（二）(an expert applies). */
export interface ProjectDocxVariant {
  /** 一 or 二, as in the printed title. */
  numeral: string;
  /** The applicant's four rows at the top. */
  head(v: V): Cell[][];
  /** Rows between 项目名称 and the content box (（二）'s 项目类别). */
  extra?(v: V): Cell[][];
  /** Printed under the content for a signature by hand, left blank. */
  signature?: string;
  /** The 备注 line under the table. */
  note: string;
}

function villageRows(v: V, label: string): Cell[][] {
  const rows = (v.villages as V[] | undefined) ?? [];
  const shown = rows.length ? rows : [{}];
  return [
    [L(label, { rows: shown.length + 1 }), L(''), L('贫困村名称'), L('贫困村联系人'), L('联系电话')],
    ...shown.map((r, i) => [T(i + 1, { align: 'center' }), T(r.name), T(r.contact), T(r.phone)]),
  ];
}

/**
 * 项目书 (003 附件3-4) as printed: the 填表时间, the applicant, the 联系帮扶贫困村 rows, the project,
 * and one opinion box per sign-off stage, filled as far as the chain has come.
 */
export const projectDocx =
  (variant: ProjectDocxVariant) =>
  (form: ExportForm, rec: StoredRecord, { filledAt, timezone }: DocxContext): DocxBody => {
    const v = rec.values;
    const w = [1800, 800, 2600, 1900, 2100];
    const content = fieldOf(form, 'content').label;
    const chain = form.approval ?? [];
    const body: Cell[][] = [
      ...villageRows(v, '联系帮扶贫困村情况（根据帮扶贫困村的数量填写）'),
      [L('项目名称'), T(v.projectName, { span: 4 })],
      ...(variant.extra?.(v) ?? []),
      [L(content), T(`${s(v.content)}${variant.signature ?? ''}`, { span: 4, lines: 10 })],
      ...chain.map((st, i) => [L(st.label), T(opinion(rec, i, timezone), { span: 4, align: 'right', lines: 3 })]),
    ];
    return [
      title(`山东省科协精准扶贫专家服务行动项目书（${variant.numeral}）`),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `填表时间：${cnDate(filledAt)}`, ...FONT })] }),
      grid(w, [...variant.head(v), ...body]),
      new Paragraph({ children: [new TextRun({ text: variant.note, ...FONT })] }),
    ];
  };
