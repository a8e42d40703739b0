/**
 * What the official documents require of a form, as far as the domain needs it: its rules (one per
 * key, quotas, the nominee, a link to another form, a sign-off chain) and how its records count in
 * the figures. The conversational parts (triggers, fields, prompts) are the flows' FormSpec, which
 * extends this. Domain code picks forms by what they declare here, never by their id, so a
 * deployment's own form that declares `counts.hours` counts toward the 800 hours like the ledger.
 */

export type Values = Record<string, unknown>;

/** One step of a sign-off chain (项目书: 单位意见 → 县扶贫办核审意见 → 县级科协意见 → 市级科协意见). */
export interface ApprovalStage {
  /** The box's label as printed. */
  label: string;
  /** Role (config `roles`) whose holders may approve or return at this step. */
  role: string;
}

/** One help activity as the figures, the 统计表 and the summary count it (a 工作台账 row). */
export interface Activity {
  /** YYYY-MM-DD. */
  date: string;
  place: string;
  /** One of the form's `kinds`: the 帮扶活动形式 it is counted under. */
  kind: string;
  /** The 形式 as stored: the kind, or the kind with what the expert wrote for one not in the list (其他：座谈会). */
  kindText: string;
  content: string;
  participants: number;
  effect: string;
}

/** Who a registration (专家登记) names. */
export interface Registration {
  /** The name as registered; '' when the record has none (the chat name stands in). */
  name: string;
  phone?: string;
}

/** How a form's records count in the figures; a form declares only what applies to it. */
export interface FormCounts {
  /** Each record is one help activity: 活动次数, 人次, 服务天数, the 统计表 and the summary's cases. */
  activity?: {
    /** Every kind an activity can be counted under, in the order reports list them. */
    kinds: readonly string[];
    of(values: Values): Activity | undefined;
  };
  /** Hours the author spent, toward the 800 hours a year of 002 第六条(三) (工作台账, 工作日志). */
  hours?(values: Values): number;
  /** The record registers its author as an expert of the group (专家登记). */
  registration?(values: Values): Registration;
  /** The record surveys one village (一村一品) or one household (一户一策). */
  survey?: 'village' | 'household';
  /** Each record is one 科技下乡服务团 (工作安排表: one per 工作队), as the 统计表 counts them. */
  servingTeam?: true;
  /** The address whose city the record counts for in the 项目书 quota (003 附件2). */
  projectAddress?(values: Values): string;
}

export interface FormRules {
  id: string;
  title: string;
  /** Field whose value orders and filters records by date in indexes and exports. */
  dateField?: string;
  /** One record per key per group (一村一品: one survey per village); the key and what it names. */
  unique?: { what: string; key(values: Values): string };
  /** Counts against a nomination or project quota from config. */
  quota?: 'team' | 'individual' | 'project';
  /** The nominee's name field: their logged hours are shown against the 800-hour criterion. */
  nominee?: { nameField: string };
  /** A value that names a record of another form in the same group (一户一策 → its village survey). */
  link?: { field: string; form: string; targetField: string };
  approval?: readonly ApprovalStage[];
  /** One line naming a record in lists (/records, approvals, quota messages). */
  summary?(values: Values): string;
  /**
   * Who owes one for a deadline: the group once (a team's 工作安排表, a 推荐表, a village survey) or,
   * by default, every registered member (工作台账, 一户一策).
   */
  filedBy?: 'group' | 'member';
  counts?: FormCounts;
}

/** A form known to declare `counts[K]`. */
export type Counting<K extends keyof FormCounts> = FormRules & { counts: FormCounts & Required<Pick<FormCounts, K>> };

/** The forms that declare `counts[what]`, in their given order. */
export function formsCounting<K extends keyof FormCounts>(forms: readonly FormRules[], what: K): Counting<K>[] {
  return forms.filter((f): f is Counting<K> => f.counts?.[what] !== undefined);
}

/** The one definition of a record's hours: what its form counts, 0 for a form that counts none. */
export function hoursOf(form: FormRules, values: Values): number {
  return form.counts?.hours?.(values) ?? 0;
}

/** Every activity kind of the activity forms, each once, in the forms' order. */
export function activityKinds(forms: readonly FormRules[]): string[] {
  return [...new Set(formsCounting(forms, 'activity').flatMap((f) => f.counts.activity.kinds))];
}

/**
 * Whose records make someone a member of a group before anyone registered: the forms of one's own
 * work (an activity, or hours worked).
 */
export function workForms(forms: readonly FormRules[]): FormRules[] {
  return forms.filter((f) => f.counts?.activity !== undefined || f.counts?.hours !== undefined);
}

/** A finite number, else 0: what a count or an hours box holds, read defensively. */
export const numberOf = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
