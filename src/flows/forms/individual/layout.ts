import type { ExportForm } from '../../../documents/form-exports.js';
import { columnsOf, meta, region, seq, str, ticks, type ListLayout } from '../../../documents/layout.js';
import { SERVICE_CATEGORIES, SERVICE_MODES } from '../shared/options.js';

/** 先进个人推荐名单: the photo by its file name; 工作单位联系方式 merged over its four boxes. */
export function individualLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  const photo = meta('照片', 16, (r) => str((r.values.photo as { fileName?: string } | undefined)?.fileName));
  return {
    title: '2016年以来全国科技助力精准扶贫先进个人推荐名单',
    columns: [
      seq,
      c('name', 10),
      c('sex', 6),
      photo,
      c('title', 12),
      c('political', 12),
      c('idCard', 21),
      c('phone', 16),
      c('email', 20),
      c('postcode', 10),
      c('address', 24),
      c('employer', 20),
      c('contact', 10, '联系人', '工作单位联系方式'),
      c('contactTitle', 10, '职务', '工作单位联系方式'),
      c('officePhone', 16, '办公电话', '工作单位联系方式'),
      c('fax', 16, '传真号码', '工作单位联系方式'),
      ...region('region', '所服务的贫困地区'),
      ...ticks('categories', '服务类别', SERVICE_CATEGORIES, '其他'),
      ...ticks('modes', '服务方式', SERVICE_MODES, '其他'),
      c('peopleLifted', 12),
      c('serviceDays', 12),
      c('deeds', 60),
      c('honors', 30),
    ],
  };
}
