import {
  attachmentField,
  choiceField,
  countField,
  emailField,
  idCardField,
  multiField,
  phoneField,
  postcodeField,
  regionField,
  textField,
} from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { idCardInfo } from '../../parsers/idcard.js';
import { POLITICAL_STATUS, SERVICE_CATEGORIES, SERVICE_MODES } from '../shared/options.js';
import { individualDocx } from './docx.js';
import { individualLayout } from './layout.js';

/**
 * 2016年以来全国科技助力精准扶贫先进个人推荐表 — 000 附件3 = 001 附件2, every box in the printed
 * order (row by row: 姓名, 性别, 照片 …). The 照片 is a photo sent in chat (2寸 blue-background
 * portrait), embedded in the DOCX. The stamp box of the provincial office is left for the office.
 */
export const personNominationForm = defineForm({
  id: 'individual',
  title: '先进个人推荐表',
  filedBy: 'group',
  triggers: ['先进个人', '个人推荐', '/person'],
  quota: 'individual',
  nominee: { nameField: 'name' },
  fields: [
    textField({ key: 'name', label: '姓名', prompt: '被推荐人姓名？', max: 20 }),
    choiceField({ key: 'sex', label: '性别', prompt: '性别？', choices: ['男', '女'] }),
    attachmentField({
      key: 'photo',
      label: '照片',
      prompt: '请发送近期 2 寸免冠蓝底彩色照片（JPG 或 PNG）',
      rule: { kinds: ['image', 'file'], formats: ['jpeg', 'png'], maxBytes: 10 * 1024 * 1024 },
    }),
    textField({ key: 'title', label: '职务/职称', prompt: '职务或职称？', max: 30 }),
    choiceField({ key: 'political', label: '政治面貌', prompt: '政治面貌？', choices: POLITICAL_STATUS }),
    idCardField({ key: 'idCard', label: '身份证号码', prompt: '18 位身份证号码（聊天记录中只显示前 6 位和后 4 位）' }),
    phoneField({ key: 'phone', label: '联系方式', prompt: '联系电话？' }),
    emailField({ key: 'email', label: 'Email', prompt: '联系邮箱？' }),
    postcodeField({ key: 'postcode', label: '邮政编码', prompt: '邮政编码（6 位）？' }),
    textField({ key: 'address', label: '通讯地址', prompt: '通讯地址？', max: 100 }),
    textField({ key: 'employer', label: '工作单位', prompt: '工作单位？', max: 50 }),
    textField({ key: 'contact', label: '工作单位联系人', prompt: '工作单位的联系人姓名？', max: 20 }),
    textField({ key: 'contactTitle', label: '联系人职务', prompt: '联系人的职务？', max: 30 }),
    phoneField({ key: 'officePhone', label: '办公电话', prompt: '工作单位办公电话（带区号）？' }),
    phoneField({ key: 'fax', label: '传真号码', prompt: '传真号码（带区号）？没有请回复「无」', optional: true }),
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
    countField({ key: 'peopleLifted', label: '带动脱贫贫困人口数', prompt: '带动多少贫困人口脱贫？', unit: '人', min: 0, max: 10_000_000 }),
    countField({
      key: 'serviceDays',
      label: '深入贫困地区开展服务累计天数',
      prompt: '累计深入贫困地区服务多少天？',
      unit: '天',
      min: 0,
      max: 36_500,
    }),
    textField({ key: 'deeds', label: '主要事迹', prompt: '主要事迹，1000 字以内（按字数计，空格不计）', max: 1000, min: 20 }),
    textField({
      key: 'honors',
      label: '获得表扬或荣誉（省部级及以上）',
      prompt: '获得的省部级及以上表扬或荣誉；没有请回复「无」',
      max: 1000,
      optional: true,
    }),
  ],
  checks: (v) => {
    if (typeof v.idCard !== 'string' || typeof v.sex !== 'string') return [];
    const info = idCardInfo(v.idCard);
    return info.sex !== v.sex ? [`身份证号显示性别为「${info.sex}」，与填写的「${v.sex}」不符，请核对`] : [];
  },
  summary: (v) => `${String(v.name)}（${String(v.employer)}）`,
  exports: { layout: individualLayout, docx: individualDocx },
});
