import type { RecordRepository } from '../store/records.js';
import { formsCounting, hoursOf, type FormRules } from './forms.js';
import { scanRegistrations } from './scan.js';

/** The 800 hours a year of 002 第六条(三)2 for a 先进个人. */
export const HOURS_TARGET = 800;

/** The first day of the year that ends on `today` (both YYYY-MM-DD). */
export function yearBefore(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const round1 = (h: number): number => Math.round(h * 10) / 10;

/**
 * Hours one chat user logged (every form that counts hours: the ledger and the work log) in the
 * year up to `today`, read from their own index.
 */
export async function userHours(records: RecordRepository, forms: readonly FormRules[], userKey: string, today: string): Promise<number> {
  let hours = 0;
  for (const form of formsCounting(forms, 'hours')) {
    for await (const r of records.scan({ form: form.id, userKey, from: yearBefore(today), to: today })) hours += hoursOf(form, r.values);
  }
  return round1(hours);
}

/**
 * Hours a person logged in the year up to `today`. A nominee is found by name: the users whose
 * registration (专家登记) carries that name (chat names and real names often differ), read from
 * their own indexes; a nominee who never registered is matched by chat name, which needs a scan of
 * the year's records.
 */
export async function loggedHours(
  records: RecordRepository,
  forms: readonly FormRules[],
  name: string,
  today: string,
): Promise<{ hours: number }> {
  const users = new Set<string>();
  for (const r of await scanRegistrations(records, forms)) if (r.name === name) users.add(r.record.meta.userKey);
  let hours = 0;
  if (users.size) {
    for (const u of users) hours += await userHours(records, forms, u, today);
    return { hours: round1(hours) };
  }
  for (const form of formsCounting(forms, 'hours')) {
    for await (const r of records.scan({ form: form.id, from: yearBefore(today), to: today })) {
      if (r.meta.userName === name) hours += hoursOf(form, r.values);
    }
  }
  return { hours: round1(hours) };
}
