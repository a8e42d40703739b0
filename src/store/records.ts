import { z } from 'zod';
import type { PreparedAmend, PreparedRecord } from './conversations.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';
import { toUpdate } from './status.js';

export const RECORD_VERSION = 1;

export const recordMetaSchema = z.object({
  platform: z.string(),
  chatId: z.string(),
  chatKey: z.string(),
  chatTitle: z.string(),
  userId: z.string(),
  userKey: z.string(),
  userName: z.string(),
  /** ISO time of confirmation (录入时间). */
  createdAt: z.string(),
});

/** One decision in a sign-off chain: the box it fills (label), who, when, and the words written in it. */
export const approvalStepSchema = z.object({
  stage: z.number().int().min(0),
  label: z.string(),
  role: z.string(),
  decision: z.enum(['approve', 'return']),
  opinion: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});

export const approvalSchema = z.object({
  /** Index of the stage waiting for a decision; equals the number of stages once approved. */
  stage: z.number().int().min(0),
  steps: z.array(approvalStepSchema),
});

export const recordSchema = z.object({
  v: z.literal(RECORD_VERSION),
  id: z.string().min(1),
  form: z.string().min(1),
  values: z.record(z.string(), z.unknown()),
  meta: recordMetaSchema,
  /** Revision, 1 when first confirmed (absent in records stored before amendments existed). */
  rev: z.number().int().min(1).optional(),
  updatedAt: z.string().optional(),
  updatedBy: z.object({ userKey: z.string(), userName: z.string() }).optional(),
  /** Forms with a sign-off chain: pending (at `approval.stage`), returned to the author, or approved. */
  status: z.enum(['pending', 'returned', 'approved']).optional(),
  approval: approvalSchema.optional(),
});

export type StoredRecord = z.infer<typeof recordSchema>;
export type RecordMeta = z.infer<typeof recordMetaSchema>;
export type ApprovalStep = z.infer<typeof approvalStepSchema>;

/** One kept change: who changed what, when, from what to what (only the fields that changed). */
export interface AuditEntry {
  at: string;
  by: string;
  byName: string;
  op: 'amend' | 'approve' | 'return';
  rev: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note?: string;
}

export const revOf = (r: StoredRecord): number => r.rev ?? 1;

/** YYYY-MM-DD → 20261120: sortable, range-queryable and readable in redis-cli. */
export function dateScore(isoDate: string): number {
  return Number(isoDate.slice(0, 10).replace(/-/g, ''));
}

export interface RecordQuery {
  form: string;
  /** chatKey of one group; all groups when absent. */
  chatKey?: string;
  userKey?: string;
  from?: string;
  to?: string;
}

/**
 * What the store needs of a form (the flows' FormSpec satisfies it): its id, the field that dates
 * its records in the indexes, the schema its values are checked against on write and on read, and
 * whether it has a sign-off chain (a record then starts pending).
 */
export interface RecordForm {
  id: string;
  dateField?: string;
  valuesSchema: z.ZodType;
  approval?: readonly unknown[];
}

/** Reads and prepares confirmed records; writes happen inside the conversation commit script. */
export class RecordRepository {
  private readonly forms: Map<string, RecordForm>;

  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
    forms: readonly RecordForm[],
  ) {
    this.forms = new Map(forms.map((f) => [f.id, f]));
  }

  /** Validates values against the form (zod, on write) and lays out the index entries. */
  prepare(formId: string, id: string, values: Record<string, unknown>, meta: RecordMeta): PreparedRecord {
    const form = this.requireForm(formId);
    const chain = form.approval?.length ? { status: 'pending' as const, approval: { stage: 0, steps: [] } } : {};
    const record: StoredRecord = recordSchema.parse({
      v: RECORD_VERSION,
      id,
      form: formId,
      values: form.valuesSchema.parse(values),
      meta,
      rev: 1,
      ...chain,
    });
    return this.layout(record);
  }

  /**
   * A new revision of a reopened record: same id, meta and place in the indexes, the new values, and
   * an audit entry with the fields that changed. A record in its sign-off chain (returned, or part
   * approved) starts the chain again; the earlier decisions stay in `approval.steps` and the audit list.
   */
  prepareAmend(
    current: StoredRecord,
    values: Record<string, unknown>,
    by: { userKey: string; userName: string },
    at: string,
  ): PreparedAmend {
    const form = this.requireForm(current.form);
    const clean = form.valuesSchema.parse(values) as Record<string, unknown>;
    const rev = revOf(current) + 1;
    // Changed content needs every sign-off again: a returned or half-approved record restarts its chain.
    const restart =
      current.status === 'returned' || current.status === 'pending'
        ? { status: 'pending' as const, approval: { stage: 0, steps: current.approval?.steps ?? [] } }
        : {};
    const next: StoredRecord = recordSchema.parse({ ...current, values: clean, rev, updatedAt: at, updatedBy: by, ...restart });
    const { before, after } = diffValues(current.values, clean);
    const audit: AuditEntry = { at, by: by.userKey, byName: by.userName, op: 'amend', rev, before, after };
    return { record: this.layout(next), expectRev: revOf(current), audit: JSON.stringify(audit) };
  }

  /** Stores a change made outside a draft (a sign-off step) if the record is still at `expectRev`. */
  async update(next: StoredRecord, expectRev: number, audit: AuditEntry): Promise<'updated' | 'gone' | 'conflict'> {
    const rec = recordSchema.parse(next);
    const k = this.keys;
    const [record, trail] = [k.record(rec.form, rec.id), k.recordAudit(rec.form, rec.id)];
    return toUpdate(await this.redis.bangfuUpdateRecord(record, trail, expectRev, JSON.stringify(rec), JSON.stringify(audit)));
  }

  /** Every kept change of a record, oldest first. */
  async history(formId: string, id: string): Promise<AuditEntry[]> {
    const raw = await this.redis.lrange(this.keys.recordAudit(formId, id), 0, -1);
    return raw.map((r) => JSON.parse(r) as AuditEntry);
  }

  /**
   * Records whose id starts with `short` (the 8 characters shown in chat), among the given forms,
   * optionally within one group or one user's records; ZSCAN MATCH walks one index per form.
   */
  async findByShortId(
    short: string,
    forms: readonly string[],
    within: { chatKey?: string; userKey?: string } = {},
  ): Promise<StoredRecord[]> {
    if (!/^[0-9a-zA-Z-]{4,64}$/.test(short)) return [];
    const out: StoredRecord[] = [];
    for (const form of forms) {
      const index = this.indexFor({ form, ...within });
      let cursor = '0';
      do {
        const [next, items] = await this.redis.zscan(index, cursor, 'MATCH', `${short}*`, 'COUNT', 500);
        cursor = next;
        for (let i = 0; i < items.length; i += 2) {
          const rec = await this.get(form, items[i]!);
          if (rec && !out.some((r) => r.id === rec.id && r.form === rec.form)) out.push(rec);
        }
      } while (cursor !== '0');
    }
    return out;
  }

  private layout(record: StoredRecord): PreparedRecord {
    const form = this.requireForm(record.form);
    const dateValue = form.dateField ? record.values[form.dateField] : undefined;
    const score = dateScore(typeof dateValue === 'string' ? dateValue : record.meta.createdAt);
    const m = record.meta;
    return {
      form: record.form,
      id: record.id,
      json: JSON.stringify(record),
      score,
      chatKey: m.chatKey,
      userKey: m.userKey,
      chatTitle: m.chatTitle,
    };
  }

  async get(formId: string, id: string): Promise<StoredRecord | undefined> {
    const raw = await this.redis.get(this.keys.record(formId, id));
    return raw === null ? undefined : this.parse(formId, raw);
  }

  /** Number of records matching the query (one ZCOUNT), for progress bars and summaries. */
  async count(q: RecordQuery): Promise<number> {
    return this.redis.zcount(this.indexFor(q), q.from ? dateScore(q.from) : '-inf', q.to ? dateScore(q.to) : '+inf');
  }

  /** Streams records by date, in pages, so a 100k-row export never holds all rows in memory. */
  async *scan(q: RecordQuery, pageSize = 500): AsyncGenerator<StoredRecord> {
    const min = q.from ? dateScore(q.from) : '-inf';
    const max = q.to ? dateScore(q.to) : '+inf';
    const index = this.indexFor(q);
    for (let offset = 0; ; offset += pageSize) {
      const ids = await this.redis.zrangebyscore(index, min, max, 'LIMIT', offset, pageSize);
      if (ids.length === 0) return;
      const raws = await this.redis.mget(ids.map((id) => this.keys.record(q.form, id)));
      for (const raw of raws) {
        if (raw === null) continue;
        const rec = this.parse(q.form, raw);
        if (q.userKey && q.chatKey && rec.meta.userKey !== q.userKey) continue;
        yield rec;
      }
      if (ids.length < pageSize) return;
    }
  }

  /** chatKey → group title for every group that has records. */
  async groupTitles(): Promise<Record<string, string>> {
    return this.redis.hgetall(this.keys.groups());
  }

  private indexFor(q: RecordQuery): string {
    if (q.chatKey) return this.keys.idxGroup(q.form, q.chatKey);
    if (q.userKey) return this.keys.idxUser(q.form, q.userKey);
    return this.keys.idxAll(q.form);
  }

  /** Records are validated on read too: a hand-edited or older record fails loudly, not silently. */
  private parse(formId: string, raw: string): StoredRecord {
    const rec = recordSchema.parse(JSON.parse(raw));
    this.requireForm(formId).valuesSchema.parse(rec.values);
    return rec;
  }

  private requireForm(formId: string): RecordForm {
    const f = this.forms.get(formId);
    if (!f) throw new Error(`unknown form ${formId}`);
    return f;
  }
}

/** The fields whose value changed, before and after (absent = not filled). */
export function diffValues(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
    if (a[k] !== undefined) before[k] = a[k];
    if (b[k] !== undefined) after[k] = b[k];
  }
  return { before, after };
}
