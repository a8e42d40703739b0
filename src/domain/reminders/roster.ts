import type { UserRef } from '../../core/events.js';
import type { RecordRepository, StoredRecord } from '../../store/records.js';
import { formsCounting, workForms, type FormRules } from '../forms.js';

type Member = UserRef & { key: string };

/**
 * Who is expected to submit in a group: the experts registered there (the forms that declare
 * `counts.registration`: 专家登记), or, before anyone registered, everyone who has filed a record of
 * their own work there (`workForms`: 台账, 日志). Reminders name only people from this list who
 * have not submitted; they never name who has.
 */
export class Roster {
  private readonly byId: ReadonlyMap<string, FormRules>;

  constructor(
    private readonly records: RecordRepository,
    private readonly forms: readonly FormRules[],
  ) {
    this.byId = new Map(forms.map((f) => [f.id, f]));
  }

  async members(chatKey: string): Promise<Member[]> {
    const registered = new Map<string, Member>();
    for (const form of formsCounting(this.forms, 'registration')) {
      for (const [k, v] of await this.authors(form.id, chatKey)) registered.set(k, v);
    }
    if (registered.size) return [...registered.values()];
    const anyone = new Map<string, Member>();
    for (const form of workForms(this.forms)) for (const [k, v] of await this.authors(form.id, chatKey)) anyone.set(k, v);
    return [...anyone.values()];
  }

  /** userKey → user of everyone with a record of `form` in the group since `from` (inclusive). */
  async authors(form: string, chatKey: string, from?: string): Promise<Map<string, Member>> {
    const out = new Map<string, Member>();
    try {
      for await (const r of this.records.scan({ form, chatKey, ...(from ? { from } : {}) })) this.add(out, r);
    } catch {
      // A form this deployment does not have (an older config) has no authors.
    }
    return out;
  }

  private add(out: Map<string, Member>, r: StoredRecord): void {
    // The registration's own 姓名 is the name people know; the chat display name is the fallback.
    const name = this.byId.get(r.form)?.counts?.registration?.(r.values).name || r.meta.userName;
    out.set(r.meta.userKey, { id: r.meta.userId, name, key: r.meta.userKey });
  }
}
