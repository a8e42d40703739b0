import { choiceField, emailField, phoneField, postcodeField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { projectApproval, villagesGroup } from '../shared/project.js';
import { personProjectDocx } from './docx.js';
import { personProjectLayout } from './layout.js';
import { PROJECT_CATEGORIES } from './options.js';

// In options.ts so that docx.ts can print the boxes without importing this spec.
export { PROJECT_CATEGORIES };

/**
 * 山东省科协精准扶贫专家服务行动项目书（二）— 003 附件4, applicant an expert. The 专家签名 line is a
 * handwritten signature on the printed copy and is left blank in the DOCX; the four opinion boxes
 * (所在单位意见 → 县扶贫办核审意见 → 县级科协意见 → 市级科协意见) are the sign-off chain.
 */
export const personProjectForm = defineForm({
  id: 'project-person',
  title: '项目书（二）',
  filedBy: 'group',
  triggers: ['项目书二', '个人项目书', '/project2'],
  quota: 'project',
  approval: projectApproval('所在单位意见'),
  fields: [
    textField({ key: 'name', label: '申报人姓名', prompt: '申报人姓名？', max: 20 }),
    textField({ key: 'employer', label: '工作单位', prompt: '工作单位？', max: 50 }),
    textField({ key: 'address', label: '通信地址', prompt: '通信地址？（写明所在市，用于核对名额）', max: 100 }),
    postcodeField({ key: 'postcode', label: '邮政编码', prompt: '邮政编码（6 位）？' }),
    textField({ key: 'major', label: '申报人专业', prompt: '申报人专业？', max: 30 }),
    textField({ key: 'title', label: '职称', prompt: '职称？', max: 20 }),
    phoneField({ key: 'phone', label: '联系电话', prompt: '联系电话？' }),
    emailField({ key: 'email', label: '电子邮箱', prompt: '电子邮箱？' }),
    villagesGroup(),
    textField({ key: 'projectName', label: '项目名称', prompt: '项目名称？', max: 100 }),
    choiceField({ key: 'category', label: '项目类别', prompt: '项目类别？', choices: PROJECT_CATEGORIES }),
    textField({
      key: 'content',
      label: '项目内容（帮扶的内容、形式、时间、地点、人次等情况及预期目标、效果）',
      prompt: '写明帮扶的内容、形式、时间、地点、人次等情况及预期目标、效果',
      max: 3000,
      min: 20,
    }),
  ],
  summary: (v) => `${String(v.projectName)}（${String(v.name)}）`,
  // The 通信地址 names the city the project counts for in the 名额分配表.
  counts: { projectAddress: (v) => String(v.address ?? '') },
  exports: { layout: personProjectLayout, docx: personProjectDocx },
});
