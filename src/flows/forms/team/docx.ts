import { boxes, grid, L, regionCells, T, title } from '../../../documents/docx.js';
import type { DocxBody } from '../../../documents/form-exports.js';
import type { StoredRecord } from '../../../store/records.js';
import { SERVICE_CATEGORIES, SERVICE_MODES } from '../shared/options.js';

/** 先进团队推荐表 (000 附件2 = 001 附件1) row by row as printed; the office's stamp box left blank. */
export function teamDocx(_form: unknown, rec: StoredRecord): DocxBody {
  const v = rec.values;
  const w = [2000, 1400, 1400, 1400, 1400, 1400];
  return [
    title('2016年以来全国科技助力精准扶贫先进团队推荐表'),
    grid(w, [
      [L('团队名称'), T(v.teamName, { span: 5 })],
      [L('团队研究方向/专业'), T(v.direction, { span: 2 }), L('团队专家总人数', { span: 2 }), T(v.expertCount)],
      [L('负责人姓名'), T(v.leader), L('联系方式'), T(v.leaderPhone), L('职务/职称'), T(v.leaderTitle)],
      [L('Email'), T(v.email, { span: 2 }), L('邮政编码', { span: 2 }), T(v.postcode)],
      [L('通讯地址'), T(v.address, { span: 5 })],
      [L('所服务的贫困地区'), ...regionCells(v.region)],
      [L('服务类别'), T(boxes(v.categories, SERVICE_CATEGORIES, '其他'), { span: 5 })],
      [L('服务方式'), T(boxes(v.modes, SERVICE_MODES, '其他'), { span: 5 })],
      [L('深入贫困地区服务专家姓名'), T(v.experts, { span: 5 })],
      [L('带动脱贫贫困人口数'), T(v.peopleLifted, { span: 2 }), L('深入贫困地区开展服务累计天数', { span: 2 }), T(v.serviceDays)],
      [L('主要事迹\n（2000字内）'), T(v.deeds, { span: 5, lines: 12 })],
      [L('获得表扬或荣誉\n（省部级及以上）'), T(v.honors, { span: 5, lines: 3 })],
      [L('省级科技助力精准扶贫工程领导小组办公室推荐意见'), T('\n\n（单位盖章）\n年    月    日', { span: 5, align: 'right', lines: 4 })],
    ]),
  ];
}
