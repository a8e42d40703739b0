import type { ExportForm } from '../../../documents/form-exports.js';
import { columnsOf, meta, rows, seq, str, type ListLayout } from '../../../documents/layout.js';

/** 工作安排表（汇总）: one row per team, its members and activities as lines in one cell each (CSV; the XLSX is xlsx.ts). */
export function teamPlanLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  return {
    title: '扶贫工作队工作安排表（汇总）',
    columns: [
      seq,
      meta('工作队', 20, (r) => `${str(r.values.area)}地区扶贫工作队`),
      c('leaderName', 10, '姓名', '带队人员'),
      c('leaderPhone', 16, '联系方式', '带队人员'),
      c('leaderUnit', 20, '工作单位', '带队人员'),
      c('leaderPost', 12, '职务', '带队人员'),
      rows(form, 'members', 50),
      rows(form, 'activities', 50),
    ],
  };
}
