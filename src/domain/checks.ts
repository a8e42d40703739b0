import type { QuotasConfig } from './config.js';
import { localDate } from '../core/tz.js';
import type { RecordRepository } from '../store/records.js';
import { tf } from '../text/forms.js';
import type { FormRules, Values } from './forms.js';
import { HOURS_TARGET, loggedHours } from './hours.js';
import { nominationQuota, projectCity, projectsByCity } from './quotas.js';

/** A confirmed draft about to be stored (the engine's save effect satisfies it). */
export interface CheckedSave {
  id: string;
  values: Values;
  /** Set when a stored record was reopened. */
  amend?: unknown;
}

export interface CheckContext {
  /** The group the draft counts for (its origin, or the chat it is typed in). */
  chatKey: string;
  now: Date;
}

export interface ConfirmVerdict {
  /** Why the record cannot be saved now (quota full, a duplicate); the draft stays at the review. */
  block?: string;
  notes: string[];
}

/**
 * The checks that need the store, declared on the form (unique, quota, nominee, link) and carried
 * out here, outside the pure engine: shown at the review, and enforced when 确认 is sent.
 */
export class FormChecks {
  constructor(
    private readonly records: RecordRepository,
    private readonly forms: ReadonlyMap<string, FormRules>,
    private readonly quotas: QuotasConfig,
    private readonly timezone: string,
  ) {}

  /** Notes under the review: the nominee's hours against 800, the village a household links to. */
  async atReview(form: FormRules, state: { values: Values }, ctx: CheckContext): Promise<string[]> {
    return [...(await this.hoursNote(form, state.values, ctx)), ...(await this.linkNote(form, state.values, ctx))];
  }

  async atConfirm(form: FormRules, save: CheckedSave, ctx: CheckContext): Promise<ConfirmVerdict> {
    const dup = await this.duplicate(form, save, ctx);
    if (dup) return { block: dup, notes: [] };
    if (!save.amend) {
      const full = await this.quotaFull(form, save);
      if (full) return { block: full, notes: [] };
    }
    const notes = [...(await this.hoursNote(form, save.values, ctx)), ...(await this.linkNote(form, save.values, ctx))];
    return { notes };
  }

  private async hoursNote(form: FormRules, values: Values, ctx: CheckContext): Promise<string[]> {
    const name = form.nominee ? values[form.nominee.nameField] : undefined;
    if (typeof name !== 'string') return [];
    const today = localDate(ctx.now, this.timezone);
    const { hours } = await loggedHours(this.records, [...this.forms.values()], name, today);
    return [hours >= HOURS_TARGET ? tf.checks.hoursOk(name, hours, HOURS_TARGET) : tf.checks.hoursLow(name, hours, HOURS_TARGET)];
  }

  private async linkNote(form: FormRules, values: Values, ctx: CheckContext): Promise<string[]> {
    const link = form.link;
    const target = link ? this.forms.get(link.form) : undefined;
    if (!link || !target || values[link.field] === undefined) return [];
    for await (const r of this.records.scan({ form: target.id, chatKey: ctx.chatKey })) {
      if (r.values[link.targetField] === values[link.field])
        return [tf.checks.linked(target.title, String(values[link.field]), r.id.slice(0, 8))];
    }
    return [tf.checks.notLinked(target.title, String(values[link.field]))];
  }

  /** Another record of the group with the same unique key (an amended record may keep its own). */
  private async duplicate(form: FormRules, save: CheckedSave, ctx: CheckContext): Promise<string | undefined> {
    if (!form.unique) return undefined;
    const key = form.unique.key(save.values);
    for await (const r of this.records.scan({ form: form.id, chatKey: ctx.chatKey })) {
      if (r.id !== save.id && form.unique.key(r.values) === key) return tf.checks.duplicate(form.unique.what, r.id.slice(0, 8));
    }
    return undefined;
  }

  private async quotaFull(form: FormRules, save: CheckedSave): Promise<string | undefined> {
    if (form.quota === 'team' || form.quota === 'individual') {
      const q = await nominationQuota(this.records, [...this.forms.values()], this.quotas, form.quota);
      if (q && q.used >= q.max) return tf.checks.quotaFull(q.label, q.used, q.max);
    }
    if (form.quota === 'project') {
      const byCity = this.quotas.projects.byCity;
      const city = projectCity(form, save.values, byCity);
      if (!city) return undefined;
      const used = (await projectsByCity(this.records, [...this.forms.values()], byCity)).used[city] ?? 0;
      if (used >= byCity[city]!) return tf.checks.quotaFull(`${city}市项目书`, used, byCity[city]!);
    }
    return undefined;
  }
}
