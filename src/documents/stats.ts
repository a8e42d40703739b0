import ExcelJS from 'exceljs';
import { formsCounting, type FormRules } from '../domain/forms.js';
import { scanActivities, type CountedActivity } from '../domain/scan.js';
import type { RecordRepository } from '../store/records.js';
import { BORDER, cnDate } from './xlsx.js';

/**
 * 吉林省"科技之冬"活动统计表 (004 附件4) filled from the period's activities (the ledger) and work-team records.
 * Rows and units are the seed's. A row the records cannot answer (books handed out, money spent,
 * people trained who were not farmers) stays empty for the coordinator, and says so.
 */
export interface StatRow {
  item: string;
  unit: string;
  value: number | undefined;
  /** How the number was found, or why it is empty. */
  source: string;
}

type Rec = Pick<CountedActivity, 'activity' | 'record'>;
const text = ({ activity: a }: Rec): string => `${a.kindText} ${a.content}`;
const sum = (rs: readonly Rec[]): number => rs.reduce((s, r) => s + r.activity.participants, 0);

/** "东城镇光东村村委会" → 东城镇; the 乡/镇 a 地点 names, if any. */
export const townshipOf = (place: string): string | undefined => /^(.*?[乡镇])/.exec(place.replace(/^.*?[县市区旗]/, ''))?.[1];
/** "东城镇光东村村委会" → 光东村. */
export const villageOf = (place: string): string | undefined =>
  /([^\s，,、乡镇]+?村)/.exec(place.replace(/^.*?[乡镇]/, ''))?.[1] ?? /([^\s，,、]+?村)/.exec(place)?.[1];

export function winterStats(ledger: readonly Rec[], teams: number): StatRow[] {
  const special = ledger.filter((r) => text(r).includes('专场'));
  const training = ledger.filter((r) => r.activity.kind === '技术培训' || r.activity.kind === '科普讲座');
  const films = ledger.filter((r) => /放映|影视|电影/.test(text(r)));
  const shows = ledger.filter((r) => /展览/.test(text(r)));
  const places = ledger.map((r) => r.activity.place);
  const towns = new Set(places.map(townshipOf).filter(Boolean));
  const villages = new Set(places.map(villageOf).filter(Boolean));
  const visits = new Set(ledger.map((r) => `${r.record.meta.userKey}|${r.activity.date}`));
  const manual = '台账中没有此项，请手工填写';
  const auto = (n: number, source: string, unit: string, item: string): StatRow => ({ item, unit, value: n, source });
  return [
    auto(ledger.length, '台账条数', '次', '1.开展科技下乡活动次数'),
    auto(towns.size, '台账地点中不同的乡镇', '个', '科技下乡到乡镇个数'),
    auto(villages.size, '台账地点中不同的村', '个', '科技下乡到村个数'),
    auto(Math.round(sum(ledger)) / 10_000, '台账参加人次之和 ÷ 10000', '万人次', '2.科技下乡受服务的农民总人数'),
    auto(teams, '扶贫工作队工作安排表份数', '支', '3.组织科技下乡服务团支数'),
    auto(visits.size, '台账中专家 × 日期（人次）', '人次', '组织科技人员下乡人数'),
    auto(special.length, '形式或内容含「专场」的台账', '次', '4.举办“科技之冬”专场活动数量'),
    auto(sum(special), '上述台账的参加人次', '人次', '参加“科技之冬”专场活动总人数'),
    auto(training.length, '形式为技术培训、科普讲座的台账', '场次', '5.举办实用技术培训班.科技讲座次数'),
    auto(sum(training), '上述台账的参加人次', '人次', '受培训的农民人数'),
    { item: '受培训科技人员人数', unit: '人次', value: undefined, source: manual },
    { item: '受培训示范户人数', unit: '人次', value: undefined, source: manual },
    auto(films.length, '形式或内容含「放映」「影视」的台账', '场次', '6.放映科教影视片数量'),
    auto(sum(films), '上述台账的参加人次', '人次', '观众人数'),
    { item: '7.发送科普图书数量', unit: '万册', value: undefined, source: manual },
    { item: '科普挂图数量', unit: '套', value: undefined, source: manual },
    { item: '科普录像片数量', unit: '部', value: undefined, source: manual },
    { item: '下载“科普中国”人数', unit: '人', value: undefined, source: manual },
    auto(shows.length, '形式或内容含「展览」的台账', '场次', '8.科普展览次数'),
    auto(sum(shows), '上述台账的参加人次', '人次', '观众人数'),
    { item: '9.与新闻单位合作制作宣传栏目、节目数量', unit: '期', value: undefined, source: manual },
    { item: '10.推广新技术数量', unit: '项次', value: undefined, source: manual },
    { item: '新品种试验推广数量', unit: '个', value: undefined, source: manual },
    { item: '11.经费总投入金额', unit: '万元', value: undefined, source: manual },
  ];
}

export async function collectStats(
  records: RecordRepository,
  forms: readonly FormRules[],
  q: { chatKey?: string; from?: string; to?: string },
): Promise<StatRow[]> {
  const group = q.chatKey ? { chatKey: q.chatKey } : {};
  const until = q.to ? { to: q.to } : {};
  const since = q.from ? { from: q.from } : {};
  const ledger = await scanActivities(records, forms, { ...(q.chatKey ? { chatKeys: [q.chatKey] } : {}), ...since, ...until });
  // A 服务团 formed before the period still serves in it: counted up to its end.
  let teams = 0;
  for (const f of formsCounting(forms, 'servingTeam')) {
    for await (const r of records.scan({ form: f.id, ...group, ...until })) if (r) teams++;
  }
  return winterStats(ledger, teams);
}

/** The statistics table in the seed's layout: 内容 / 计量单位 / 数量, plus how each number was found. */
export async function statsXlsx(rows: StatRow[], head: { unit: string; from?: string; to?: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('活动统计表', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [{ width: 44 }, { width: 12 }, { width: 14 }, { width: 36 }];
  const y = (d?: string): string => (d ? d.slice(0, 4) : '');
  const years = head.from && head.to && y(head.from) !== y(head.to) ? `${y(head.from)}-${y(head.to)}` : y(head.to ?? head.from) || '____';
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = `吉林省${years}年度“科技之冬”活动统计表`;
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:D2');
  const period = head.from || head.to ? `（统计时间：${head.from ? cnDate(head.from) : ''}—${head.to ? cnDate(head.to) : ''}）` : '';
  ws.getCell('A2').value = `填表单位：${head.unit}    ${period}`;
  const hdr = ws.getRow(3);
  hdr.values = ['内 容', '计量单位', '数 量', '来源（不随表上报）'];
  hdr.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center' };
    c.border = BORDER;
  });
  for (const r of rows) {
    const row = ws.addRow([r.item, r.unit, r.value ?? null, r.source]);
    row.eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));
    row.getCell(2).alignment = { horizontal: 'center' };
    if (r.unit === '万人次') row.getCell(3).numFmt = '0.0000';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
