import type { ExportForm } from '../../../documents/form-exports.js';
import { columnsOf, region, seq, ticks, type ListLayout } from '../../../documents/layout.js';
import { SERVICE_CATEGORIES, SERVICE_MODES } from '../shared/options.js';

/** 先进团队推荐名单: one row per 推荐表, the region under one merged header, the □ boxes as √ columns. */
export function teamLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  return {
    title: '2016年以来全国科技助力精准扶贫先进团队推荐名单',
    columns: [
      seq,
      c('teamName', 20),
      c('direction', 18),
      c('expertCount', 10),
      c('leader', 10),
      c('leaderPhone', 16),
      c('leaderTitle', 12),
      c('email', 20),
      c('postcode', 10),
      c('address', 24),
      ...region('region', '所服务的贫困地区'),
      ...ticks('categories', '服务类别', SERVICE_CATEGORIES, '其他'),
      ...ticks('modes', '服务方式', SERVICE_MODES, '其他'),
      c('experts', 24),
      c('peopleLifted', 12),
      c('serviceDays', 12),
      c('deeds', 60),
      c('honors', 30),
    ],
  };
}
