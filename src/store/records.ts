import { z } from 'zod';
import type { FormSpec } from '../flows/form.js';
import type { PreparedRecord } from './conversations.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';

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

export const recordSchema = z.object({
  v: z.literal(RECORD_VERSION),
  id: z.string().min(1),
  form: z.string().min(1),
  values: z.record(z.string(), z.unknown()),
  meta: recordMetaSchema,
});

export type StoredRecord = z.infer<typeof recordSchema>;
export type RecordMeta = z.infer<typeof recordMetaSchema>;

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

/** Reads and prepares confirmed records; writes happen inside the conversation commit script. */
export class RecordRepository {
  private readonly forms: Map<string, FormSpec>;

  constructor(private readonly redis: BangfuRedis, private readonly keys: Keys, forms: readonly FormSpec[]) {
    this.forms = new Map(forms.map((f) => [f.id, f]));
  }

  /** Validates values against the form (zod, on write) and lays out the index entries. */
  prepare(formId: string, id: string, values: Record<string, unknown>, meta: RecordMeta): PreparedRecord {
    const form = this.requireForm(formId);
    const record: StoredRecord = recordSchema.parse({ v: RECORD_VERSION, id, form: formId, values: form.valuesSchema.parse(values), meta });
    const dateValue = form.dateField ? record.values[form.dateField] : undefined;
    const score = dateScore(typeof dateValue === 'string' ? dateValue : meta.createdAt);
    return { form: formId, id, json: JSON.stringify(record), score, chatKey: meta.chatKey, userKey: meta.userKey, chatTitle: meta.chatTitle };
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

  private requireForm(formId: string): FormSpec {
    const f = this.forms.get(formId);
    if (!f) throw new Error(`unknown form ${formId}`);
    return f;
  }
}
