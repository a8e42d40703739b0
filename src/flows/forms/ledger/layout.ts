import type { ExportForm } from '../../../documents/form-exports.js';
import { columnsOf, expertName, seq, type ListLayout } from '../../../documents/layout.js';

/** 工作台账 (003 附件5): 帮扶活动形式、内容 merged over its two columns; 时长 only when some record has it. */
export function ledgerLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  return {
    title: '精准扶贫专家服务行动工作台账',
    columns: [
      seq,
      c('date', 12),
      c('place', 16),
      c('activityForm', 12, undefined, '帮扶活动形式、内容'),
      c('content', 30, undefined, '帮扶活动形式、内容'),
      c('participants', 10),
      c('effect', 30),
      { ...c('hours', 10), sparseKey: 'hours' },
      expertName,
    ],
  };
}
