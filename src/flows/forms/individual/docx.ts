import { boxes, grid, L, regionCells, T, title, type Cell } from '../../../documents/docx.js';
import type { DocxBody, DocxContext, ImageLoader } from '../../../documents/form-exports.js';
import type { RegionValue } from '../../../documents/layout.js';
import type { StoredRecord } from '../../../store/records.js';
import type { AttachmentRef } from '../../engine/form.js';
import { SERVICE_CATEGORIES, SERVICE_MODES } from '../shared/options.js';

const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The photo in its box (JPEG or PNG), or the printed box's words when there is none to show. */
async function photoCell(rec: StoredRecord, load: ImageLoader): Promise<Cell> {
  const ref = rec.values.photo as AttachmentRef | undefined;
  const data = ref ? await load(ref) : undefined;
  if (!ref || !data || (ref.format !== 'jpeg' && ref.format !== 'png')) return L('照片\n（近期2寸免冠\n蓝底彩色照片）', { rows: 4 });
  return { image: { data, type: ref.format === 'png' ? 'png' : 'jpg' }, rows: 4 };
}

/** 先进个人推荐表 (000 附件3 = 001 附件2) row by row as printed, the photo spanning the first four rows. */
export async function individualDocx(_form: unknown, rec: StoredRecord, { load }: DocxContext): Promise<DocxBody> {
  const v = rec.values;
  const place = v.region as RegionValue | undefined;
  const w = [1800, 1900, 1600, 2000, 1900];
  return [
    title('2016年以来全国科技助力精准扶贫先进个人推荐表'),
    grid(w, [
      [L('姓  名'), T(v.name), L('性  别'), T(v.sex), await photoCell(rec, load)],
      [L('职务/职称'), T(v.title), L('政治面貌'), T(v.political)],
      [L('身份证号码'), T(v.idCard), L('联系方式'), T(v.phone)],
      [L('Email'), T(v.email), L('邮政编码'), T(v.postcode)],
      [L('通讯地址'), T(v.address, { span: 4 })],
      [L('工作单位'), T(v.employer, { span: 4 })],
      [L('工作单位\n联系方式', { rows: 2 }), L('联系人'), T(v.contact), L('职  务'), T(v.contactTitle)],
      [L('办公电话'), T(v.officePhone), L('传真号码'), T(v.fax)],
      [L('所服务的\n贫困地区'), ...regionCells(v.region).slice(0, 3), T(`${s(place?.township)} ${s(place?.village)}`)],
      [L('服务类别'), T(boxes(v.categories, SERVICE_CATEGORIES, '其他'), { span: 4 })],
      [L('服务方式'), T(boxes(v.modes, SERVICE_MODES, '其他'), { span: 4 })],
      [L('带动脱贫贫\n困人口数'), T(v.peopleLifted), L('深入贫困地区开展服务\n累计天数', { span: 2 }), T(v.serviceDays)],
      [L('主要事迹\n（1000字内）'), T(v.deeds, { span: 4, lines: 10 })],
      [L('获得表扬\n或荣誉\n（省部级及以上）'), T(v.honors, { span: 4, lines: 3 })],
      [L('省级科技助力精准扶贫工程领导小组办公室推荐意见'), T('\n\n（单位盖章）\n年    月    日', { span: 4, align: 'right', lines: 4 })],
    ]),
  ];
}
