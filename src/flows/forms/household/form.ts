import { countField, decimalField, multiField, phoneField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { POVERTY_CAUSES, TECH_NEEDS } from '../shared/options.js';
import { householdLayout } from './layout.js';

/**
 * 一户一策调查表 — 004 附件2, every box in the printed order (its two blank cells after 人均耕地面积
 * carry nothing). 所属村 comes first: it is not printed, it links the household to its village's
 * 一村一品调查表 in the same group. One survey per household per village.
 */
export const householdSurveyForm = defineForm({
  id: 'household',
  title: '一户一策调查表',
  triggers: ['一户一策', '户调查', '/household'],
  link: { field: 'village', form: 'village', targetField: 'village' },
  fields: [
    textField({ key: 'village', label: '所属村', prompt: '这户属于哪个村？（与一村一品调查表的村名一致）', max: 30 }),
    textField({ key: 'household', label: '户名', prompt: '户名（户主姓名）？', max: 20 }),
    textField({ key: 'area', label: '地区名称', prompt: '所在地区？例如：和龙市东城镇', max: 50 }),
    textField({ key: 'address', label: '详细地址', prompt: '详细地址？', max: 100 }),
    textField({ key: 'contact', label: '联系人', prompt: '联系人姓名？', max: 20 }),
    phoneField({ key: 'phone', label: '联系电话', prompt: '联系电话？' }),
    countField({ key: 'members', label: '家庭人口总数', prompt: '家庭人口总数？', unit: '人', max: 50 }),
    countField({ key: 'laborers', label: '有劳动能力人口数', prompt: '其中有劳动能力的有几人？', unit: '人', min: 0, max: 50 }),
    decimalField({ key: 'landPerCapita', label: '人均耕地面积', prompt: '人均耕地多少亩？例如 3', min: 0, max: 10_000, units: ['亩'] }),
    multiField({
      key: 'causes',
      label: '致贫原因',
      prompt: '可多选，回复序号或名称，用空格隔开，例如「1 7」或「因病 缺技术」；其他写「其它：具体原因」',
      options: POVERTY_CAUSES,
      other: '其它',
    }),
    textField({ key: 'strengths', label: '发展潜在优势', prompt: '这户发展的潜在优势？例如：有劳力、会养牛', max: 500 }),
    multiField({
      key: 'needs',
      label: '科技服务需求',
      prompt: '可多选：1.种植 2.养殖 3.加工 4.水产；其他写「其它：具体需求」',
      options: TECH_NEEDS,
      other: '其它',
    }),
    textField({ key: 'notes', label: '其它需要说明事项', prompt: '其它需要说明的事项？没有请回复「无」', max: 500, optional: true }),
  ],
  rule: (v) =>
    typeof v.laborers === 'number' && typeof v.members === 'number' && v.laborers > v.members
      ? `有劳动能力人口数（${v.laborers}）不能多于家庭人口总数（${v.members}）`
      : undefined,
  unique: { what: '这一户的一户一策调查表', key: (v) => `${String(v.village)}|${String(v.household)}` },
  summary: (v) => `${String(v.household)}（${String(v.village)}）`,
  counts: { survey: 'household' },
  exports: { layout: householdLayout },
});
