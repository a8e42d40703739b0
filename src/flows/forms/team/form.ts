import { countField, emailField, multiField, phoneField, postcodeField, regionField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { SERVICE_CATEGORIES, SERVICE_MODES } from '../shared/options.js';
import { teamDocx } from './docx.js';
import { teamLayout } from './layout.js';

/**
 * 2016年以来全国科技助力精准扶贫先进团队推荐表 — 000 附件2 = 001 附件1, every box in the printed
 * order. The last box (省级…领导小组办公室推荐意见, 单位盖章) is the recommending office's stamp, not
 * the team's answer: it is left empty in the DOCX for the office to fill by hand.
 */
export const teamNominationForm = defineForm({
  id: 'team',
  title: '先进团队推荐表',
  filedBy: 'group',
  triggers: ['先进团队', '团队推荐', '/team'],
  quota: 'team',
  fields: [
    textField({ key: 'teamName', label: '团队名称', prompt: '团队名称？', max: 50 }),
    textField({ key: 'direction', label: '团队研究方向/专业', prompt: '团队的研究方向或专业？', max: 100 }),
    countField({ key: 'expertCount', label: '团队专家总人数', prompt: '团队专家共多少人？', unit: '人', max: 10_000 }),
    textField({ key: 'leader', label: '负责人姓名', prompt: '团队负责人姓名？', max: 20 }),
    phoneField({ key: 'leaderPhone', label: '联系方式', prompt: '负责人的联系电话？' }),
    textField({ key: 'leaderTitle', label: '职务/职称', prompt: '负责人的职务或职称？', max: 30 }),
    emailField({ key: 'email', label: 'Email', prompt: '联系邮箱？' }),
    postcodeField({ key: 'postcode', label: '邮政编码', prompt: '邮政编码（6 位）？' }),
    textField({ key: 'address', label: '通讯地址', prompt: '通讯地址？', max: 100 }),
    regionField({
      key: 'region',
      label: '所服务的贫困地区',
      prompt: '按「省 市 县 乡 村」填写，用空格隔开，例如：吉林省 延边州 和龙市 东城镇 光东村',
    }),
    multiField({
      key: 'categories',
      label: '服务类别',
      prompt: '可多选，回复序号或名称，用空格隔开；其他请写「其他：具体内容」',
      options: SERVICE_CATEGORIES,
      other: '其他',
    }),
    multiField({
      key: 'modes',
      label: '服务方式',
      prompt: '可多选，回复序号或名称，用空格隔开；其他请写「其他：具体内容」',
      options: SERVICE_MODES,
      other: '其他',
    }),
    textField({ key: 'experts', label: '深入贫困地区服务专家姓名', prompt: '到贫困地区服务的专家姓名，用顿号隔开', max: 500 }),
    countField({ key: 'peopleLifted', label: '带动脱贫贫困人口数', prompt: '带动多少贫困人口脱贫？', unit: '人', min: 0, max: 10_000_000 }),
    countField({
      key: 'serviceDays',
      label: '深入贫困地区开展服务累计天数',
      prompt: '累计深入贫困地区服务多少天？',
      unit: '天',
      min: 0,
      max: 36_500,
    }),
    textField({
      key: 'deeds',
      label: '主要事迹',
      prompt: '主要事迹，2000 字以内（按字数计，空格不计）。可以一次发一大段',
      max: 2000,
      min: 20,
    }),
    textField({
      key: 'honors',
      label: '获得表扬或荣誉（省部级及以上）',
      prompt: '获得的省部级及以上表扬或荣誉；没有请回复「无」',
      max: 1000,
      optional: true,
    }),
  ],
  checks: (v) => {
    const names = typeof v.experts === 'string' ? v.experts.split(/[、，,\s]+/).filter(Boolean).length : 0;
    return typeof v.expertCount === 'number' && names > v.expertCount
      ? [`列出的服务专家有 ${names} 人，多于团队专家总人数 ${v.expertCount} 人，请核对`]
      : [];
  },
  summary: (v) => `${String(v.teamName)}（负责人 ${String(v.leader)}）`,
  exports: { layout: teamLayout, docx: teamDocx },
});
