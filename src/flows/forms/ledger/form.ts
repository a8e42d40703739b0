import { choiceField, countField, dateField, decimalField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { numberOf, type Activity } from '../../../domain/forms.js';
import { OTHER } from '../../parsers/choice.js';
import { ledgerLayout } from './layout.js';

/**
 * 工作台账 — Shandong plan (seed 003) 六(四): "全面真实记录具体活动时间、内容、方式、参加人次、服务效果",
 * and 附件5's columns 序号 / 时间 / 地点 / 帮扶活动形式、内容. Field order is the order asked and exported.
 */
export const ACTIVITY_FORMS = ['技术培训', '现场指导', '咨询服务', '科普讲座', '项目对接', '其他'] as const;

export const HOURS_LABEL = '时长（小时）';

/** A ledger row as the figures count it: an activity of one of the six forms (其他：… counts as 其他). */
function activityOf(v: Record<string, unknown>): Activity {
  const written = String(v.activityForm ?? '');
  return {
    date: String(v.date ?? ''),
    place: String(v.place ?? ''),
    kind: written.startsWith(OTHER) ? OTHER : written,
    kindText: written,
    content: String(v.content ?? ''),
    participants: numberOf(v.participants),
    effect: String(v.effect ?? ''),
  };
}

export const ledgerForm = defineForm({
  id: 'ledger',
  title: '工作台账',
  triggers: ['台账', '工作台账', '记台账', '/log', '/ledger'],
  dateField: 'date',
  fields: [
    dateField({ key: 'date', label: '时间', prompt: '活动是哪天？例如：今天、昨天、上周五、11月20日' }),
    textField({ key: 'place', label: '地点', prompt: '在哪里开展的？例如：光东村村委会', max: 100 }),
    choiceField({
      key: 'activityForm',
      label: '帮扶活动形式',
      prompt: '是哪种形式？回复序号或名称，其他形式可直接写出',
      choices: ACTIVITY_FORMS,
    }),
    textField({ key: 'content', label: '内容', prompt: '活动的具体内容？例如：水稻育秧技术培训', max: 500 }),
    countField({ key: 'participants', label: '参加人次', prompt: '共有多少人次参加？例如：45人', unit: '人次' }),
    textField({ key: 'effect', label: '服务效果', prompt: '效果如何？尽量用数据说明，例如：发放资料60份，群众反映良好', max: 500 }),
    // Not in the seed's table: added so the 800-hour criterion for 先进个人 (002 第六条(三)) can be checked.
    // Offered at the review rather than asked, so a quick entry stays six questions long.
    decimalField({
      key: 'hours',
      label: HOURS_LABEL,
      prompt: '这次帮扶共用了多少小时？例如 3、2.5小时（用于核对先进个人每年 800 小时标准）',
      optional: true,
      ask: false,
      min: 0.5,
      max: 24,
      units: ['小时', '个小时', '钟头', 'h'],
    }),
  ],
  summary: (v) => `${String(v.date)} ${String(v.place)} ${String(v.content)}`,
  counts: { activity: { kinds: ACTIVITY_FORMS, of: activityOf }, hours: (v) => numberOf(v.hours) },
  exports: { layout: ledgerLayout },
});
