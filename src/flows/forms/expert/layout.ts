import type { ExportForm } from '../../../documents/form-exports.js';
import { columnsOf, group, seq, type ListLayout } from '../../../documents/layout.js';

/** 专家信息登记表: the printed columns, then the group the expert registered in. */
export function expertLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  return {
    title: '科技助力扶贫工作队专家信息登记表',
    columns: [seq, c('unit', 20), c('name', 10), c('title', 12), c('age', 6), c('phone', 16), c('field', 18), c('villages', 24), group],
  };
}
