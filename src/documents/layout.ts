import { formatValue, type FieldSpec, type FormSpec } from '../flows/engine/form.js';
import { EXHIBIT_THEMES } from '../flows/forms/exhibit/form.js';
import { POVERTY_CAUSES, SERVICE_CATEGORIES, SERVICE_MODES, TECH_NEEDS } from '../flows/forms/shared/options.js';
import type { Region } from '../flows/parsers/misc.js';
import type { StoredRecord } from '../store/records.js';

/**
 * The official tables as column lists: each column's header as the seed prints it, an optional
 * parent header (merged over its children, as 所服务的贫困地区 over 省 市 县 乡 村), a width, and
 * how a record fills it. Ticked boxes (□ in the seed) become one column per box with √.
 */
export interface Column {
  header: string;
  parent?: string;
  width: number;
  /** Only present when some record fills it (the ledger's 时长). */
  sparseKey?: string;
  /** `n` is the row's sequence number in this export (序号, file names). */
  value(rec: StoredRecord, n: number): string | number;
}

export interface ListLayout {
  /** The table's printed title. */
  title: string;
  columns: Column[];
}

type V = Record<string, unknown>;
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

const field = (form: FormSpec, key: string): FieldSpec => {
  const f = form.fields.find((x) => x.key === key);
  if (!f) throw new Error(`layout: ${form.id} has no field ${key}`);
  return f;
};

/** A column showing one field as the chat shows it (numbers stay numbers). */
function col(form: FormSpec, key: string, width: number, header?: string, parent?: string): Column {
  const f = field(form, key);
  return {
    header: header ?? f.label, width, ...(parent ? { parent } : {}),
    value: (r) => {
      const v = (r.values as V)[key];
      if (v === undefined) return '';
      return typeof v === 'number' ? v : formatValue(f, v);
    },
  };
}

/** 省 市 县 乡 村 under one merged 所服务的贫困地区. */
function region(key: string, label: string): Column[] {
  const parts: [keyof Region, string][] = [['province', '省'], ['city', '市'], ['county', '县'], ['township', '乡'], ['village', '村']];
  return parts.map(([k, h]) => ({ header: h, parent: label, width: 9, value: (r) => str(((r.values as V)[key] as Region | undefined)?.[k]) }));
}

/** One √ column per printed box, then the 其他/其它 line's text. */
function ticks(key: string, label: string, options: readonly string[], other: string): Column[] {
  const picked = (r: StoredRecord): string[] => ((r.values as V)[key] as string[] | undefined) ?? [];
  return [
    ...options.map((o) => ({ header: o, parent: label, width: Math.max(5, o.length * 2 + 2), value: (r: StoredRecord) => (picked(r).includes(o) ? '√' : '') })),
    { header: other, parent: label, width: 14, value: (r) => picked(r).filter((p) => p.startsWith(`${other}：`)).map((p) => p.slice(other.length + 1)).join('、') },
  ];
}

/** A repeating group as lines in one cell: "1. 王强，吉林农大，教授，52，13812345678". */
function rows(form: FormSpec, key: string, width: number, header?: string): Column {
  const f = field(form, key);
  return {
    header: header ?? f.label, width,
    value: (r) =>
      (((r.values as V)[key] as V[] | undefined) ?? [])
        .map((row, i) => `${i + 1}. ${f.group!.columns.map((c) => (row[c.key] === undefined ? '' : formatValue(c, row[c.key]))).join('，')}`)
        .join('\n'),
  };
}

const seq: Column = { header: '序号', width: 6, value: (_r, n) => n };
const meta = (header: string, width: number, pick: (r: StoredRecord) => string): Column => ({ header, width, value: pick });
const expertName = meta('专家', 10, (r) => r.meta.userName);
const group = meta('群组', 16, (r) => r.meta.chatTitle || r.meta.chatId);

const STATUS: Record<string, string> = { pending: '审核中', returned: '已退回', approved: '已通过' };

/** Where a 项目书 is in its chain, and what each box says so far. */
function approvalColumns(form: FormSpec): Column[] {
  return [
    meta('审核状态', 10, (r) => (r.status === 'pending' && r.approval ? `待${form.approval![r.approval.stage]?.label ?? ''}` : STATUS[r.status ?? ''] ?? '')),
    ...form.approval!.map((st, i) => meta(st.label, 18, (r) => {
      const last = [...(r.approval?.steps ?? [])].reverse().find((s) => s.stage === i && s.decision === 'approve');
      return last && (r.approval?.stage ?? 0) > i ? `${last.opinion}（${last.byName} ${last.at.slice(0, 10)}）` : '';
    })),
  ];
}

export function listLayout(form: FormSpec): ListLayout {
  const c = (key: string, width: number, header?: string, parent?: string): Column => col(form, key, width, header, parent);
  switch (form.id) {
    case 'ledger':
      return {
        title: '精准扶贫专家服务行动工作台账',
        columns: [seq, c('date', 12), c('place', 16), c('activityForm', 12, undefined, '帮扶活动形式、内容'), c('content', 30, undefined, '帮扶活动形式、内容'),
          c('participants', 10), c('effect', 30), { ...c('hours', 10), sparseKey: 'hours' }, expertName],
      };
    case 'worklog':
      return { title: '科技助力扶贫工作队工作日志', columns: [seq, c('date', 12), c('note', 60), c('hours', 10), expertName, group] };
    case 'expert':
      return { title: '科技助力扶贫工作队专家信息登记表', columns: [seq, c('unit', 20), c('name', 10), c('title', 12), c('age', 6), c('phone', 16), c('field', 18), c('villages', 24), group] };
    case 'team':
      return {
        title: '2016年以来全国科技助力精准扶贫先进团队推荐名单',
        columns: [seq, c('teamName', 20), c('direction', 18), c('expertCount', 10), c('leader', 10), c('leaderPhone', 16), c('leaderTitle', 12), c('email', 20),
          c('postcode', 10), c('address', 24), ...region('region', '所服务的贫困地区'), ...ticks('categories', '服务类别', SERVICE_CATEGORIES, '其他'),
          ...ticks('modes', '服务方式', SERVICE_MODES, '其他'), c('experts', 24), c('peopleLifted', 12), c('serviceDays', 12), c('deeds', 60), c('honors', 30)],
      };
    case 'individual':
      return {
        title: '2016年以来全国科技助力精准扶贫先进个人推荐名单',
        columns: [seq, c('name', 10), c('sex', 6), meta('照片', 16, (r) => str(((r.values as V).photo as { fileName?: string } | undefined)?.fileName)),
          c('title', 12), c('political', 12), c('idCard', 21), c('phone', 16), c('email', 20), c('postcode', 10), c('address', 24), c('employer', 20),
          c('contact', 10, '联系人', '工作单位联系方式'), c('contactTitle', 10, '职务', '工作单位联系方式'), c('officePhone', 16, '办公电话', '工作单位联系方式'), c('fax', 16, '传真号码', '工作单位联系方式'),
          ...region('region', '所服务的贫困地区'), ...ticks('categories', '服务类别', SERVICE_CATEGORIES, '其他'), ...ticks('modes', '服务方式', SERVICE_MODES, '其他'),
          c('peopleLifted', 12), c('serviceDays', 12), c('deeds', 60), c('honors', 30)],
      };
    case 'village':
      return {
        title: '一村一品调查表',
        columns: [seq, c('village', 12), c('area', 16), c('address', 24), c('contact', 10), c('phone', 16), c('households', 8), c('poorHouseholds', 8), c('population', 8),
          c('landPerCapita', 10, '人均耕地面积（亩）'), ...ticks('causes', '致贫原因', POVERTY_CAUSES, '其它'), c('strengths', 24), ...ticks('needs', '科技服务需求', TECH_NEEDS, '其它'), c('notes', 24)],
      };
    case 'household':
      return {
        title: '一户一策调查表',
        columns: [seq, c('village', 12), c('household', 10), c('area', 16), c('address', 24), c('contact', 10), c('phone', 16), c('members', 8), c('laborers', 10),
          c('landPerCapita', 10, '人均耕地面积（亩）'), ...ticks('causes', '致贫原因', POVERTY_CAUSES, '其它'), c('strengths', 24), ...ticks('needs', '科技服务需求', TECH_NEEDS, '其它'), c('notes', 24)],
      };
    case 'teamplan':
      return {
        title: '扶贫工作队工作安排表（汇总）',
        columns: [seq, meta('工作队', 20, (r) => `${str((r.values as V).area)}地区扶贫工作队`), c('leaderName', 10, '姓名', '带队人员'), c('leaderPhone', 16, '联系方式', '带队人员'),
          c('leaderUnit', 20, '工作单位', '带队人员'), c('leaderPost', 12, '职务', '带队人员'), rows(form, 'members', 50), rows(form, 'activities', 50)],
      };
    case 'project-unit':
      return {
        title: '山东省科协精准扶贫专家服务行动项目书（一）汇总',
        columns: [seq, c('applicant', 20), c('address', 24), c('postcode', 10), c('head', 10), c('contact', 10), c('phone', 16), c('email', 20), rows(form, 'villages', 40),
          c('projectName', 24), c('content', 60), ...approvalColumns(form)],
      };
    case 'project-person':
      return {
        title: '山东省科协精准扶贫专家服务行动项目书（二）汇总',
        columns: [seq, c('name', 10), c('employer', 20), c('address', 24), c('postcode', 10), c('major', 12), c('title', 12), c('phone', 16), c('email', 20),
          rows(form, 'villages', 40), c('projectName', 24), c('category', 12), c('content', 60), ...approvalColumns(form)],
      };
    case 'exhibit':
      return {
        title: '科技助力精准扶贫网上展览素材清单',
        columns: [seq, c('theme', 20), { header: '图片文件名', width: 30, value: (r, n) => `${exhibitBaseName(r, n)}.jpg` }, c('caption', 60), meta('原图大小（MB）', 12, (r) => ((((r.values as V).image as { size?: number } | undefined)?.size ?? 0) / 1048576).toFixed(1)), group],
      };
    default:
      return { title: form.title, columns: [seq, ...form.fields.map((f) => c(f.key, 20)), group] };
  }
}

/** Characters Windows, macOS and zip tools refuse in a file name. */
export const safeFileName = (s: string): string => s.replace(/[\\/:*?"<>|\r\n\t]/g, '').replace(/\s+/g, ' ').trim();

/**
 * The shared base name of an exhibition picture and its caption file ("图片命名应与展览注释的文件名称
 * 保持一致"): theme number, sequence, and the caption's first words.
 */
export function exhibitBaseName(rec: StoredRecord, n: number): string {
  const v = rec.values as V;
  const theme = EXHIBIT_THEMES.indexOf(str(v.theme) as (typeof EXHIBIT_THEMES)[number]) + 1;
  const words = Array.from(safeFileName(str(v.caption)).replace(/[，。、；！？,.;!?]/g, ' ').trim()).slice(0, 20).join('').trim();
  return `${theme}-${String(n).padStart(2, '0')}-${words || rec.id.slice(0, 8)}`;
}

