import { L, T } from '../../../documents/docx.js';
import { projectDocx } from '../shared/project-docx.js';

/** 项目书（一）: the applicant is a unit, which only applies for 科普教育类 projects. */
export const unitProjectDocx = projectDocx({
  numeral: '一',
  head: (v) => [
    [L('申报单位'), T(v.applicant, { span: 4 })],
    [L('通信地址'), T(v.address, { span: 2 }), L('邮政编码'), T(v.postcode)],
    [L('单位负责人'), T(v.head, { span: 2 }), L('联系人'), T(v.contact)],
    [L('联系电话'), T(v.phone, { span: 2 }), L('电子邮箱'), T(v.email)],
  ],
  note: '备注：此表申报主体为单位，单位只申报科普教育类项目。',
});
