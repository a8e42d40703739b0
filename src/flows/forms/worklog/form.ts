import { dateField, decimalField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { HOURS_LABEL } from '../ledger/form.js';
import { numberOf } from '../../../domain/forms.js';
import { worklogLayout } from './layout.js';

/**
 * 工作日志 — 004 五(四): "各级科技助力扶贫工作队要建立工作日志". A free-text daily note of the
 * expert who sends it (tied to them by the record's user), with the hours it took, which count
 * toward the 800 hours of 002 第六条(三) alongside the ledger's.
 */
export const worklogForm = defineForm({
  id: 'worklog',
  title: '工作日志',
  triggers: ['日志', '工作日志', '/diary'],
  dateField: 'date',
  fields: [
    dateField({ key: 'date', label: '日期', prompt: '哪天的日志？例如：今天、昨天、11月20日' }),
    textField({ key: 'note', label: '工作内容', prompt: '当天做了什么？对接了哪些村、户，解决了什么问题（可写长一些）', max: 2000 }),
    decimalField({
      key: 'hours',
      label: HOURS_LABEL,
      prompt: '当天为扶贫工作用了多少小时？含驻点、线上咨询、培训和编写材料。例如 6',
      optional: true,
      min: 0.5,
      max: 24,
      units: ['小时', '个小时', '钟头', 'h'],
    }),
  ],
  summary: (v) => `${String(v.date)} ${String(v.note).slice(0, 20)}`,
  counts: { hours: (v) => numberOf(v.hours) },
  exports: { layout: worklogLayout },
});
