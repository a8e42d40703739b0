import { countField, decimalField, multiField, phoneField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { POVERTY_CAUSES, TECH_NEEDS } from '../shared/options.js';
import { villageLayout } from './layout.js';

/**
 * 一村一品调查表 — 004 附件1, every box in the printed order. The printed 致贫原因 box is blank;
 * it takes the same ticks as the household survey's (plus free text as 其它), so the two can be
 * summed. One survey per village per group.
 */
export const villageSurveyForm = defineForm({
  id: 'village',
  title: '一村一品调查表',
  filedBy: 'group',
  triggers: ['一村一品', '村调查', '/village'],
  fields: [
    textField({ key: 'village', label: '村名', prompt: '村名？例如：光东村', max: 30 }),
    textField({ key: 'area', label: '地区名称', prompt: '所在地区？例如：和龙市东城镇', max: 50 }),
    textField({ key: 'address', label: '详细地址', prompt: '详细地址？', max: 100 }),
    textField({ key: 'contact', label: '联系人', prompt: '联系人姓名？', max: 20 }),
    phoneField({ key: 'phone', label: '联系电话', prompt: '联系人电话？' }),
    countField({ key: 'households', label: '总户数', prompt: '全村总户数？', unit: '户', max: 100_000 }),
    countField({ key: 'poorHouseholds', label: '贫困户数', prompt: '其中贫困户数？', unit: '户', min: 0, max: 100_000 }),
    countField({ key: 'population', label: '总人口', prompt: '全村总人口？', unit: '人', max: 1_000_000 }),
    decimalField({ key: 'landPerCapita', label: '人均耕地面积', prompt: '人均耕地多少亩？例如 2.5', min: 0, max: 10_000, units: ['亩'] }),
    multiField({
      key: 'causes',
      label: '致贫原因',
      prompt: '可多选，回复序号或名称，用空格隔开，例如「1 7」或「因病 缺技术」；其他写「其它：具体原因」',
      options: POVERTY_CAUSES,
      other: '其它',
    }),
    textField({ key: 'strengths', label: '发展潜在优势', prompt: '本村发展的潜在优势？例如：黑土地、水源好、临近县城', max: 500 }),
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
    typeof v.poorHouseholds === 'number' && typeof v.households === 'number' && v.poorHouseholds > v.households
      ? `贫困户数（${v.poorHouseholds}）不能多于总户数（${v.households}）`
      : undefined,
  checks: (v) =>
    typeof v.population === 'number' && typeof v.households === 'number' && v.population < v.households
      ? [`总人口（${v.population}）少于总户数（${v.households}），请核对`]
      : [],
  unique: { what: '这个村的一村一品调查表', key: (v) => String(v.village) },
  summary: (v) => `${String(v.village)}（${String(v.area)}）`,
  counts: { survey: 'village' },
  exports: { layout: villageLayout },
});
