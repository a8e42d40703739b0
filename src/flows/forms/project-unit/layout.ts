import type { ExportForm } from '../../../documents/form-exports.js';
import { approvalColumns, columnsOf, rows, seq, type ListLayout } from '../../../documents/layout.js';

/** 项目书（一）汇总: one row per project, then where it is in its sign-off chain. */
export function unitProjectLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  return {
    title: '山东省科协精准扶贫专家服务行动项目书（一）汇总',
    columns: [
      seq,
      c('applicant', 20),
      c('address', 24),
      c('postcode', 10),
      c('head', 10),
      c('contact', 10),
      c('phone', 16),
      c('email', 20),
      rows(form, 'villages', 40),
      c('projectName', 24),
      c('content', 60),
      ...approvalColumns(form),
    ],
  };
}
