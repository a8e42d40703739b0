import { boxes, L, T } from '../../../documents/docx.js';
import { projectDocx } from '../shared/project-docx.js';
import { PROJECT_CATEGORIES } from './options.js';

/** 项目书（二）: the applicant is an expert, who signs under the content by hand. */
export const personProjectDocx = projectDocx({
  numeral: '二',
  head: (v) => [
    [L('申报人姓名'), T(v.name, { span: 2 }), L('工作单位'), T(v.employer)],
    [L('通信地址'), T(v.address, { span: 2 }), L('邮政编码'), T(v.postcode)],
    [L('申报人专业'), T(v.major, { span: 2 }), L('职称'), T(v.title)],
    [L('联系电话'), T(v.phone, { span: 2 }), L('电子邮箱'), T(v.email)],
  ],
  extra: (v) => [[L('项目类别'), T(boxes(v.category, PROJECT_CATEGORIES), { span: 4 })]],
  signature: '\n\n                                        专家签名：',
  note: '备注：此表申报主体为个人',
});
