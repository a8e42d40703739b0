import type { RecordRepository, StoredRecord } from '../store/records.js';

/** The 800 hours a year of 002 第六条(三)2 for a 先进个人. */
export const HOURS_TARGET = 800;

/** The first day of the year that ends on `today` (both YYYY-MM-DD). */
export function yearBefore(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const hoursOf = (r: StoredRecord): number => (typeof r.values.hours === 'number' ? r.values.hours : 0);

/** Hours one chat user logged (ledger and work log) in the year up to `today`, read from their own index. */
export async function userHours(records: RecordRepository, userKey: string, today: string): Promise<number> {
  let hours = 0;
  for (const form of ['ledger', 'worklog']) for await (const r of records.scan({ form, userKey, from: yearBefore(today), to: today })) hours += hoursOf(r);
  return Math.round(hours * 10) / 10;
}

/**
 * Hours a person logged in the ledger and the work log in the year up to `today`. A nominee is
 * found by name: the users whose 专家登记 carries that name (chat names and real names often
 * differ), read from their own indexes; a nominee who never registered is matched by chat name,
 * which needs a scan of the year's records.
 */
export async function loggedHours(records: RecordRepository, name: string, today: string): Promise<{ hours: number }> {
  const users = new Set<string>();
  for await (const r of records.scan({ form: 'expert' })) if (r.values.name === name) users.add(r.meta.userKey);
  let hours = 0;
  if (users.size) {
    for (const u of users) hours += await userHours(records, u, today);
    return { hours: Math.round(hours * 10) / 10 };
  }
  for (const form of ['ledger', 'worklog']) {
    for await (const r of records.scan({ form, from: yearBefore(today), to: today })) if (r.meta.userName === name) hours += hoursOf(r);
  }
  return { hours: Math.round(hours * 10) / 10 };
}
