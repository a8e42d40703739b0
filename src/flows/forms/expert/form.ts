import { ageField, phoneField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { expertLayout } from './layout.js';

/**
 * 专家登记 — 004 五(四): "将专家单位、姓名、职称、年龄、电话等信息登记造册", and 五(三): share
 * "专家姓名、联系方式、帮扶村帮扶户" in the group; 003 附件4's 申报人 block adds 专业. `/experts`
 * lists them (phones masked for members).
 */
export const expertForm = defineForm({
  id: 'expert',
  title: '专家登记',
  triggers: ['专家登记', '登记', '/register'],
  fields: [
    textField({ key: 'unit', label: '单位', prompt: '工作单位？例如：吉林农业大学', max: 50 }),
    textField({ key: 'name', label: '姓名', prompt: '专家姓名？', max: 20 }),
    textField({ key: 'title', label: '职称', prompt: '职称？例如：教授、高级农艺师、农技员', max: 20 }),
    ageField({ key: 'age', label: '年龄', prompt: '年龄？例如 52' }),
    phoneField({ key: 'phone', label: '电话', prompt: '联系电话？手机或带区号的座机' }),
    textField({ key: 'field', label: '专业/服务领域', prompt: '专业或服务领域？例如：水稻栽培、畜禽养殖', max: 50 }),
    textField({ key: 'villages', label: '服务村', prompt: '服务哪些村？多个村用顿号隔开，例如：光东村、光西村', max: 100 }),
  ],
  unique: { what: '同名同电话的专家', key: (v) => `${String(v.name)}|${String(v.phone)}` },
  summary: (v) => `${String(v.name)}（${String(v.unit)}，${String(v.title)}）`,
  counts: {
    registration: (v) => ({ name: typeof v.name === 'string' ? v.name : '', ...(typeof v.phone === 'string' ? { phone: v.phone } : {}) }),
  },
  exports: { layout: expertLayout },
});
