import ExcelJS from 'exceljs';
import { fieldOf, fieldText, type ExportForm } from '../../../documents/form-exports.js';
import { BORDER } from '../../../documents/xlsx.js';
import type { StoredRecord } from '../../../store/records.js';

type V = Record<string, unknown>;

/**
 * 扶贫工作队工作安排表 (004 附件3) as printed, one sheet per team ("一支工作队填报一张表"): the
 * "____地区扶贫工作队" line, the 带队人员 block, the 人员组成 table (专家1, 专家2 …) and the
 * 送科技下乡活动安排 table (活动1, 活动2 …), with the seed's merged section headings.
 */
export async function teamPlanXlsx(form: ExportForm, recs: readonly StoredRecord[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const members = fieldOf(form, 'members').group!;
  const acts = fieldOf(form, 'activities').group!;
  const names = new Set<string>();
  for (const rec of recs) {
    const v = rec.values as V;
    let name = `${String(v.area)}工作队`.replace(/[\\/*?:[\]]/g, '').slice(0, 28);
    while (names.has(name)) name = `${name}_`;
    names.add(name);
    const ws = wb.addWorksheet(name);
    ws.columns = [{ width: 10 }, { width: 14 }, { width: 24 }, { width: 14 }, { width: 8 }, { width: 18 }];
    const put = (r: number, c: number, value: string | number, o: { bold?: boolean; center?: boolean } = {}): void => {
      const cell = ws.getCell(r, c);
      cell.value = value;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, ...(o.center ? { horizontal: 'center' } : {}) };
      if (o.bold) cell.font = { bold: true };
    };
    ws.mergeCells('A1:F1');
    ws.getCell('A1').value = '扶贫工作队工作安排表';
    ws.getCell('A1').font = { bold: true, size: 16 };
    ws.getCell('A1').alignment = { horizontal: 'center' };
    ws.mergeCells('A2:F2');
    ws.getCell('A2').value = `${String(v.area)}地区扶贫工作队`;
    ws.getCell('A2').alignment = { horizontal: 'center' };
    ws.mergeCells('A3:F3');
    put(3, 1, '带队人员', { bold: true, center: true });
    put(4, 1, '姓名', { center: true });
    ws.mergeCells('B4:C4');
    put(4, 2, String(v.leaderName));
    put(4, 4, '联系方式', { center: true });
    ws.mergeCells('E4:F4');
    put(4, 5, String(v.leaderPhone));
    put(5, 1, '工作单位', { center: true });
    ws.mergeCells('B5:C5');
    put(5, 2, String(v.leaderUnit));
    put(5, 4, '职    务', { center: true });
    ws.mergeCells('E5:F5');
    put(5, 5, String(v.leaderPost));
    ws.mergeCells('A6:F6');
    put(6, 1, '扶贫工作队人员组成', { bold: true, center: true });
    ['', '姓  名', '单  位', '职称', '年龄', '联系电话'].forEach((h, i) => put(7, i + 1, h, { center: true }));
    let r = 8;
    for (const [i, row] of ((v.members as V[] | undefined) ?? []).entries()) {
      put(r, 1, `专家${i + 1}`, { center: true });
      members.columns.forEach((c, k) => {
        const cell = row[c.key];
        put(r, k + 2, cell === undefined ? '' : typeof cell === 'number' ? cell : fieldText(c, cell));
      });
      r++;
    }
    ws.mergeCells(`A${r}:F${r}`);
    put(r, 1, '送科技下乡活动安排', { bold: true, center: true });
    r++;
    put(r, 1, '');
    put(r, 2, '时  间', { center: true });
    put(r, 3, '地  点', { center: true });
    ws.mergeCells(`D${r}:F${r}`);
    put(r, 4, '主要内容', { center: true });
    r++;
    for (const [i, row] of ((v.activities as V[] | undefined) ?? []).entries()) {
      put(r, 1, `活动${i + 1}`, { center: true });
      acts.columns.forEach((c, k) => {
        if (k === 2) ws.mergeCells(`D${r}:F${r}`);
        put(r, k + 2, row[c.key] === undefined ? '' : fieldText(c, row[c.key]));
      });
      r++;
    }
    ws.getCell(r + 1, 1).value = '备注：一支工作队填报一张表。';
  }
  if (!recs.length) wb.addWorksheet('扶贫工作队工作安排表');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
