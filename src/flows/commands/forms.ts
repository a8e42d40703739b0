import type { ChatCommand, CommandContext as ChatContext, CommandOutcome } from './command.js';
import type { Config } from '../../config/schema.js';
import type { InboundEvent, OutboundAction, ReplyTarget } from '../../core/events.js';
import { chatKey, userKey } from '../../core/ids.js';
import { localDate, localDateTime } from '../../core/tz.js';
import type { FormSpec } from '../engine/form.js';
import { shownValue } from '../engine/render.js';
import { parseDate } from '../parsers/date.js';
import type { ConversationState } from '../engine/state.js';
import type { BlobStore } from '../../store/blobs.js';
import type { RecordRepository, StoredRecord } from '../../store/records.js';
import { tf } from '../../text/forms.js';
import { exportForChat } from './export-chat.js';
import { decide, pendingFor } from '../../domain/approvals.js';
import { scanRegistrations } from '../../domain/scan.js';
import { HOURS_TARGET, userHours } from '../../domain/hours.js';
import { nominationQuota, projectQuota } from '../../domain/quotas.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';

/** The store-backed commands of the official forms and the words that call them. */
export const FORM_COMMANDS: readonly { name: string; words: readonly string[]; description: string }[] = [
  { name: 'experts', words: ['/experts', '专家名单', '专家通讯录'], description: '本群专家名单（群里电话只显示前三后四位）' },
  { name: 'records', words: ['/records', '我的记录'], description: '我提交的记录及编号' },
  { name: 'amend', words: ['/amend', '修改记录'], description: '重新打开自己提交的记录修改' },
  { name: 'history', words: ['/history', '修改历史'], description: '一条记录的修改与审核记录' },
  { name: 'approve', words: ['/approve', '审核通过'], description: '审核通过项目书（审核人）' },
  { name: 'return', words: ['/return', '退回'], description: '退回项目书并写明理由（审核人）' },
  { name: 'pending', words: ['/pending', '待审核'], description: '等我审核的项目书' },
  { name: 'export', words: ['/export', '导出'], description: '导出官方表格（协调员私聊）；群里不加表名导出本群台账' },
];

/**
 * The form commands as chat commands for the registry. `/export` with no form name (or only a
 * format) keeps the plain group-ledger export it replaces (`fallbackExport`).
 */
export function formCommands(deps: CommandDeps, fallbackExport?: ChatCommand): ChatCommand[] {
  const service = new CommandService(deps);
  return FORM_COMMANDS.map((c) => ({
    ...c,
    run: async (ctx: ChatContext): Promise<OutboundAction[] | CommandOutcome> => {
      if (c.name === 'export' && fallbackExport && /^(xlsx|csv)?$/i.test(ctx.args.trim())) return fallbackExport.run(ctx);
      const r = await service.run(c.name, ctx.args, {
        ev: ctx.ev, userKey: userKey(ctx.ev.platform, ctx.ev.user.id),
        chatKey: chatKey(ctx.ev.platform, ctx.state?.origin?.chatId ?? ctx.ev.chat.id), now: ctx.now, state: ctx.state ?? null,
      });
      const rec = r.reopen;
      return {
        replies: r.replies,
        ...(rec ? { reopen: { form: rec.form, id: rec.id, values: rec.values, rev: rec.rev ?? 1, origin: { chatId: rec.meta.chatId, chatTitle: rec.meta.chatTitle } } } : {}),
        ...(r.notify ? { notify: r.notify } : {}),
        ...(r.unmasked ? { unmasked: true } : {}),
      };
    },
  }));
}

export interface CommandContext {
  ev: InboundEvent;
  userKey: string;
  /** The group the user's actions count for: the chat, or the open draft's origin. */
  chatKey: string;
  now: Date;
  state: ConversationState | null;
}

export interface CommandResult {
  replies: OutboundAction[];
  /** Open this record as the user's draft (修改记录). */
  reopen?: StoredRecord;
  /** The replies may show personal numbers in full: a coordinator asked in a private chat. */
  unmasked?: boolean;
  /** Messages to other people (the filer of a record that was approved or returned). */
  notify?: { target: ReplyTarget; actions: OutboundAction[] }[];
}

export interface CommandDeps {
  records: RecordRepository;
  forms: readonly FormSpec[];
  roles: RoleLookup;
  config: Pick<Config, 'quotas' | 'amendDeadlines' | 'timezone' | 'org'>;
  blobs?: BlobStore;
  /**
   * The date after which a form's records can no longer be amended. Defaults to config
   * `amendDeadlines`; the reminders' deadline store can answer instead once it is wired here.
   */
  amendDeadline?: (formId: string) => Promise<string | undefined>;
}

const text = (t: string): OutboundAction => ({ kind: 'text', text: t });

/** Carries out the commands the engine recognised; reads the store, never a conversation's state. */
export class CommandService {
  private readonly byId: Map<string, FormSpec>;

  constructor(private readonly d: CommandDeps) {
    this.byId = new Map(d.forms.map((f) => [f.id, f]));
  }

  async run(name: string, args: string, ctx: CommandContext): Promise<CommandResult> {
    switch (name) {
      case 'experts':
        return this.experts(ctx);
      case 'records':
        return this.myRecords(ctx);
      case 'amend':
        return this.amend(args, ctx);
      case 'history':
        return this.history(args, ctx);
      case 'approve':
      case 'return':
        return this.decide(name, args, ctx);
      case 'pending':
        return this.pending(ctx);
      case 'export':
        return this.export(args, ctx);
      default:
        return { replies: [text(tf.commands.unknown)] };
    }
  }

  private today(now: Date): string {
    return localDate(now, this.d.config.timezone);
  }

  /** Whether the asker may do `action` (on the group, when given): roles are scoped (roles/service.ts). */
  private async may(ctx: CommandContext, action: Parameters<RoleLookup['authorize']>[1], chat?: string): Promise<boolean> {
    return (await this.d.roles.authorize(ctx.userKey, action, chat)).ok;
  }

  /** The groups with records whose data the asker may see in full for `action`. */
  private async groupsInScope(ctx: CommandContext, action: Parameters<RoleLookup['authorize']>[1]): Promise<{ all: string[]; allowed: string[] }> {
    const all = Object.keys(await this.d.records.groupTitles());
    const allowed: string[] = [];
    for (const k of all) if (await this.may(ctx, action, k)) allowed.push(k);
    return { all, allowed };
  }

  private async experts(ctx: CommandContext): Promise<CommandResult> {
    const priv = ctx.ev.chat.kind === 'private';
    // Members see a group's list with phones masked; coordinators see the groups in their scope in full, in private.
    const coord = priv ? (await this.groupsInScope(ctx, 'expertsFull')).allowed : (await this.may(ctx, 'expertsFull', ctx.chatKey)) ? [ctx.chatKey] : [];
    if (priv && !coord.length) return { replies: [text(tf.experts.askInGroup)] };
    const rows: string[] = [];
    for (const { record: r } of await scanRegistrations(this.d.records, this.d.forms, priv ? {} : { chatKeys: [ctx.chatKey] })) {
      if (priv && !coord.includes(r.meta.chatKey)) continue;
      const v = r.values;
      rows.push(tf.experts.row(rows.length + 1, v, priv ? r.meta.chatTitle : undefined));
    }
    if (!rows.length) return { replies: [text(tf.experts.none)] };
    const footer = coord.length && !priv ? [tf.experts.fullInPrivate] : [];
    return { replies: [text([tf.experts.title(rows.length), ...rows, ...footer].join('\n'))], unmasked: priv && coord.length > 0 };
  }

  private async myRecords(ctx: CommandContext): Promise<CommandResult> {
    const mine: StoredRecord[] = [];
    for (const form of this.d.forms) for await (const r of this.d.records.scan({ form: form.id, userKey: ctx.userKey })) mine.push(r);
    if (!mine.length) return { replies: [text(tf.records.none)] };
    mine.sort((a, b) => b.meta.createdAt.localeCompare(a.meta.createdAt));
    const rows = mine.slice(0, 20).map((r) => {
      const form = this.byId.get(r.form)!;
      return tf.records.row(r, form.title, form.summary?.(r.values) ?? '');
    });
    return { replies: [text([tf.records.title(mine.length), ...rows, tf.records.footer].join('\n'))] };
  }

  /** The one record `short` names: the user's own (author) or, for coordinators, any. */
  private async find(short: string, ctx: CommandContext, anyone: boolean, forms = this.d.forms): Promise<StoredRecord | string> {
    const id = short.trim().split(' ')[0] ?? '';
    if (!id) return tf.records.needId;
    const hits = await this.d.records.findByShortId(id, forms.map((f) => f.id), anyone ? {} : { userKey: ctx.userKey });
    if (hits.length === 0) return tf.records.notFound(id);
    if (hits.length > 1) return tf.records.ambiguous(id);
    return hits[0]!;
  }

  private async amend(args: string, ctx: CommandContext): Promise<CommandResult> {
    const found = await this.find(args, ctx, false);
    if (typeof found === 'string') return { replies: [text(found)] };
    const form = this.byId.get(found.form)!;
    if (ctx.state) return { replies: [text(tf.records.finishDraftFirst)] };
    if (found.status === 'approved') return { replies: [text(tf.records.approvedLocked(form.title))] };
    const deadline = this.d.amendDeadline ? await this.d.amendDeadline(form.id) : this.d.config.amendDeadlines[form.id];
    if (deadline && this.today(ctx.now) > deadline) return { replies: [text(tf.records.pastDeadline(form.title, deadline))] };
    return { replies: [], reopen: found };
  }

  private async history(args: string, ctx: CommandContext): Promise<CommandResult> {
    const found = await this.find(args, ctx, await this.may(ctx, 'export'));
    if (typeof found === 'string') return { replies: [text(found)] };
    const form = this.byId.get(found.form)!;
    const entries = await this.d.records.history(found.form, found.id);
    if (!entries.length) return { replies: [text(tf.history.none(form.title, found.id.slice(0, 8)))] };
    const field = (k: string) => {
      const f = form.fields.find((x) => x.key === k);
      return f && { label: f.label, show: (v: unknown) => shownValue(f, v) };
    };
    const lines = entries.map((e) => tf.history.entry(e, field, localDateTime(new Date(e.at), this.d.config.timezone)));
    return { replies: [text([tf.history.title(form.title, found.id.slice(0, 8)), ...lines].join('\n'))] };
  }

  private async decide(name: 'approve' | 'return', args: string, ctx: CommandContext): Promise<CommandResult> {
    const chained = this.d.forms.filter((f) => f.approval?.length);
    const [short = '', ...rest] = args.split(' ');
    const found = await this.find(short, ctx, true, chained);
    if (typeof found === 'string') return { replies: [text(found)] };
    const form = this.byId.get(found.form)!;
    const by = { userKey: ctx.userKey, userName: ctx.ev.user.name };
    const out = await decide(this.d.records, this.d.roles, form, found, name, rest.join(' ').trim(), by, ctx.now.toISOString());
    if (!out.ok) return { replies: [text(out.reason)] };
    const m = found.meta;
    const target: ReplyTarget = { platform: m.platform, chat: { id: m.chatId, kind: m.chatId === m.userId ? 'private' : 'group', title: m.chatTitle }, user: { id: m.userId, name: m.userName } };
    return { replies: [text(out.reply)], notify: [{ target, actions: [text(out.filerNote)] }] };
  }

  private async pending(ctx: CommandContext): Promise<CommandResult> {
    const list = await pendingFor(this.d.records, this.d.roles, this.d.forms, ctx.userKey);
    if (!list.length) return { replies: [text((await this.d.roles.rolesOf(ctx.userKey)).length ? tf.approvals.nonePending : tf.approvals.noRole)] };
    const rows = list.map((p, i) => tf.approvals.pendingRow(i + 1, p.rec.id.slice(0, 8), p.form.title, p.form.summary?.(p.rec.values) ?? '', p.stage));
    return { replies: [text([tf.approvals.pendingTitle(list.length), ...rows, tf.approvals.pendingFooter].join('\n'))] };
  }

  /** `导出 台账 xlsx 2026-11-01 2026-11-30`, `导出 全部`, `导出 统计表`: a file, in private, for coordinators. */
  private async export(args: string, ctx: CommandContext): Promise<CommandResult> {
    if (!(await this.may(ctx, 'export'))) return { replies: [text(tf.exports.coordinatorsOnly)] };
    if (ctx.ev.chat.kind !== 'private') return { replies: [text(tf.exports.privateOnly)] };
    // Everything only for someone whose scope covers every group; one group for a one-group scope.
    const { all, allowed } = await this.groupsInScope(ctx, 'export');
    if (allowed.length !== all.length && allowed.length !== 1) return { replies: [text(tf.exports.narrowScope)] };
    const only = allowed.length !== all.length ? allowed[0] : undefined;
    const words = args.split(' ').filter(Boolean);
    const dates: string[] = [];
    let what = 'all';
    let format: string | undefined;
    for (const w of words) {
      const d = parseDate(w, { now: ctx.now, timezone: this.d.config.timezone });
      if (/^(csv|xlsx|docx|zip)$/i.test(w)) format = w.toLowerCase();
      else if (d.ok && /\d/.test(w)) dates.push(d.value);
      else what = w;
    }
    const res = await exportForChat({
      what, ...(format ? { format } : {}), ...(only ? { chatKey: only } : {}), ...(dates[0] ? { from: dates[0] } : {}), ...(dates[1] ? { to: dates[1] } : {}),
      records: this.d.records, forms: this.d.forms, config: this.d.config, now: ctx.now, ...(this.d.blobs ? { blobs: this.d.blobs } : {}),
    });
    if (typeof res === 'string') return { replies: [text(res)] };
    return { replies: [{ kind: 'file', fileName: res.fileName, mime: res.mime, data: res.data, caption: res.caption }] };
  }
}
