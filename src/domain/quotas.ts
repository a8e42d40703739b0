import type { QuotasConfig } from './config.js';
import type { FormRules, Values } from './forms.js';
import type { RecordRepository } from '../store/records.js';

export interface QuotaLine {
  label: string;
  used: number;
  min: number;
  max: number;
}

/**
 * Nomination quotas as the notices set them: per unit 1 team + 1 individual (000), or per province
 * 1-2 teams / 2-3 individuals for key provinces and ≤1 / ≤1 otherwise (001). A deployment is one
 * unit (config org.unit) or one provincial office (quotas.nominations.province). Used: the records
 * of every form that declares this quota.
 */
export async function nominationQuota(
  records: RecordRepository,
  forms: readonly FormRules[],
  q: QuotasConfig,
  kind: 'team' | 'individual',
): Promise<QuotaLine | undefined> {
  const n = q.nominations;
  if (n.scheme === 'none') return undefined;
  let used = 0;
  for (const f of forms) if (f.quota === kind) used += await records.count({ form: f.id });
  const label = kind === 'team' ? '先进团队' : '先进个人';
  if (n.scheme === 'unit') return { label: `${label}（每单位）`, used, ...n.perUnit[kind] };
  const key = n.keyProvinces.some((p) => n.province && (n.province.startsWith(p) || p.startsWith(n.province)));
  const r = key ? n.keyProvince[kind] : n.otherProvince[kind];
  return { label: `${label}（${n.province || '本省'}${key ? '，扶贫重点省份' : ''}）`, used, ...r };
}

/** The city a project counts for: the first city of the quota table named in its address. */
export function projectCity(form: FormRules, values: Values, byCity: Readonly<Record<string, number>>): string | undefined {
  const addr = form.counts?.projectAddress?.(values) ?? '';
  return Object.keys(byCity).find((c) => addr.includes(c));
}

/** Projects per city of the table (every form on the project quota), and those naming no city of it. */
export async function projectsByCity(
  records: RecordRepository,
  forms: readonly FormRules[],
  byCity: Readonly<Record<string, number>>,
  chatKey?: string,
): Promise<{ used: Record<string, number>; unknown: number }> {
  const used: Record<string, number> = {};
  let unknown = 0;
  for (const form of forms) {
    if (form.quota !== 'project') continue;
    for await (const r of records.scan({ form: form.id, ...(chatKey ? { chatKey } : {}) })) {
      const city = projectCity(form, r.values, byCity);
      if (city) used[city] = (used[city] ?? 0) + 1;
      else unknown++;
    }
  }
  return { used, unknown };
}

/** Projects per city against the 名额分配表 (003 附件2), every project form together. */
export async function projectQuota(
  records: RecordRepository,
  forms: readonly FormRules[],
  q: QuotasConfig,
  chatKey?: string,
): Promise<{ lines: QuotaLine[]; unknown: number; total: QuotaLine }> {
  const byCity = q.projects.byCity;
  const { used, unknown } = await projectsByCity(records, forms, byCity, chatKey);
  const lines = Object.entries(byCity).map(([city, max]) => ({ label: city, used: used[city] ?? 0, min: 0, max }));
  const total = { label: '合计', used: lines.reduce((s, l) => s + l.used, 0) + unknown, min: 0, max: lines.reduce((s, l) => s + l.max, 0) };
  return { lines, unknown, total };
}
