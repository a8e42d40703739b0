import type { UserRef } from '../../core/events.js';
import type { RecordRepository, StoredRecord } from '../../store/records.js';

/**
 * Who is expected to submit in a group: the experts registered there (专家登记), or, before anyone
 * registered, everyone who has filed anything there. Reminders name only people from this list
 * who have not submitted; they never name who has.
 */
export class Roster {
  constructor(private readonly records: RecordRepository, private readonly memberForms: readonly string[]) {}

  async members(chatKey: string): Promise<(UserRef & { key: string })[]> {
    const registered = await this.authors('expert', chatKey);
    if (registered.size) return [...registered.values()];
    const anyone = new Map<string, UserRef & { key: string }>();
    for (const form of this.memberForms) for (const [k, v] of await this.authors(form, chatKey)) anyone.set(k, v);
    return [...anyone.values()];
  }

  /** userKey → user of everyone with a record of `form` in the group since `from` (inclusive). */
  async authors(form: string, chatKey: string, from?: string): Promise<Map<string, UserRef & { key: string }>> {
    const out = new Map<string, UserRef & { key: string }>();
    try {
      for await (const r of this.records.scan({ form, chatKey, ...(from ? { from } : {}) })) add(out, r);
    } catch {
      // A form this deployment does not have (an older config) has no authors.
    }
    return out;
  }
}

function add(out: Map<string, UserRef & { key: string }>, r: StoredRecord): void {
  // The registration's own 姓名 is the name people know; the chat display name is the fallback.
  const name = typeof r.values.name === 'string' && r.values.name ? r.values.name : r.meta.userName;
  out.set(r.meta.userKey, { id: r.meta.userId, name, key: r.meta.userKey });
}
