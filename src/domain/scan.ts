import type { RecordRepository, StoredRecord } from '../store/records.js';
import { formsCounting, type Activity, type FormRules, type Registration } from './forms.js';

/** Which records a figure counts: groups, one expert, a date range (by the form's date field). */
export interface RecordScope {
  /** Groups in scope; all groups when absent. */
  chatKeys?: readonly string[];
  /** Only this expert (我的进度). */
  userKey?: string;
  from?: string;
  to?: string;
}

/** The records of one form in scope, in index order, group by group. */
export async function collect(records: RecordRepository, form: string, q: RecordScope): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  const range = { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
  const scans = q.chatKeys ? q.chatKeys.map((chatKey) => records.scan({ form, chatKey, ...range })) : [records.scan({ form, ...range })];
  try {
    for (const scan of scans) for await (const r of scan) if (!q.userKey || r.meta.userKey === q.userKey) out.push(r);
  } catch (err) {
    // A form this build does not define has no records to count.
    if (!(err instanceof Error && err.message.startsWith('unknown form'))) throw err;
  }
  return out;
}

/** A record of an activity form, with the activity it reports. */
export interface CountedActivity {
  form: FormRules;
  record: StoredRecord;
  activity: Activity;
}

/** Every activity in scope, form by form (the forms that declare `counts.activity`). */
export async function scanActivities(records: RecordRepository, forms: readonly FormRules[], q: RecordScope): Promise<CountedActivity[]> {
  const out: CountedActivity[] = [];
  for (const form of formsCounting(forms, 'activity')) {
    for (const record of await collect(records, form.id, q)) {
      const activity = form.counts.activity.of(record.values);
      if (activity) out.push({ form, record, activity });
    }
  }
  return out;
}

/** A registration record (专家登记) with whom it names. */
export interface Registered extends Registration {
  record: StoredRecord;
}

/** Every registration in scope (the forms that declare `counts.registration`), whatever its date. */
export async function scanRegistrations(
  records: RecordRepository,
  forms: readonly FormRules[],
  q: Omit<RecordScope, 'from' | 'to'> = {},
): Promise<Registered[]> {
  const out: Registered[] = [];
  for (const form of formsCounting(forms, 'registration')) {
    for (const record of await collect(records, form.id, q)) out.push({ ...form.counts.registration(record.values), record });
  }
  return out;
}

/** userId → phone of the experts registered in a group (for a coordinator who calls the missing). */
export async function registeredPhones(
  records: RecordRepository,
  forms: readonly FormRules[],
  chatKey: string,
): Promise<Map<string, string>> {
  const phones = new Map<string, string>();
  for (const r of await scanRegistrations(records, forms, { chatKeys: [chatKey] })) {
    if (r.phone !== undefined) phones.set(r.record.meta.userId, r.phone);
  }
  return phones;
}
