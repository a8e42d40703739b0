import { emailField, phoneField, postcodeField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { projectApproval, villagesGroup } from '../shared/project.js';
import { unitProjectDocx } from './docx.js';
import { unitProjectLayout } from './layout.js';

/**
 * 山东省科协精准扶贫专家服务行动项目书（一）— 003 附件3, applicant a unit (备注: 单位只申报科普教育类
 * 项目). 填表时间 is the confirmation date. The seed prints the 项目内容 row twice (a layout artefact
 * of the conversion); it is one box here. The four opinion boxes are the sign-off chain.
 */
export const unitProjectForm = defineForm({
  id: 'project-unit',
  title: '项目书（一）',
  filedBy: 'group',
  triggers: ['项目书一', '单位项目书', '/project1'],
  quota: 'project',
  approval: projectApproval('单位意见'),
  fields: [
    textField({ key: 'applicant', label: '申报单位', prompt: '申报单位名称？', max: 50 }),
    textField({ key: 'address', label: '通信地址', prompt: '通信地址？（写明所在市，用于核对名额）', max: 100 }),
    postcodeField({ key: 'postcode', label: '邮政编码', prompt: '邮政编码（6 位）？' }),
    textField({ key: 'head', label: '单位负责人', prompt: '单位负责人姓名？', max: 20 }),
    textField({ key: 'contact', label: '联系人', prompt: '联系人姓名？', max: 20 }),
    phoneField({ key: 'phone', label: '联系电话', prompt: '联系电话？' }),
    emailField({ key: 'email', label: '电子邮箱', prompt: '电子邮箱？' }),
    villagesGroup(),
    textField({ key: 'projectName', label: '项目名称', prompt: '项目名称？', max: 100 }),
    textField({
      key: 'content',
      label: '项目内容（帮扶的内容、形式、时间、地点、场次等情况及预期目标、效果）',
      prompt: '写明帮扶的内容、形式、时间、地点、场次等情况及预期目标、效果',
      max: 3000,
      min: 20,
    }),
  ],
  summary: (v) => `${String(v.projectName)}（${String(v.applicant)}）`,
  // The 通信地址 names the city the project counts for in the 名额分配表.
  counts: { projectAddress: (v) => String(v.address ?? '') },
  exports: { layout: unitProjectLayout, docx: unitProjectDocx },
});
