import type { ExportForm } from '../../../documents/form-exports.js';
import { columnsOf, seq, ticks, type ListLayout } from '../../../documents/layout.js';
import { POVERTY_CAUSES, TECH_NEEDS } from '../shared/options.js';

/** 一村一品调查表: one row per village; 致贫原因 and 科技服务需求 as √ columns. */
export function villageLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  return {
    title: '一村一品调查表',
    columns: [
      seq,
      c('village', 12),
      c('area', 16),
      c('address', 24),
      c('contact', 10),
      c('phone', 16),
      c('households', 8),
      c('poorHouseholds', 8),
      c('population', 8),
      c('landPerCapita', 10, '人均耕地面积（亩）'),
      ...ticks('causes', '致贫原因', POVERTY_CAUSES, '其它'),
      c('strengths', 24),
      ...ticks('needs', '科技服务需求', TECH_NEEDS, '其它'),
      c('notes', 24),
    ],
  };
}
