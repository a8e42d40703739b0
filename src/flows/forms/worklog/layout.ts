import type { ExportForm } from '../../../documents/form-exports.js';
import { columnsOf, expertName, group, seq, type ListLayout } from '../../../documents/layout.js';

/** 工作日志: one row per day, with who wrote it and in which group. */
export function worklogLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  return { title: '科技助力扶贫工作队工作日志', columns: [seq, c('date', 12), c('note', 60), c('hours', 10), expertName, group] };
}
