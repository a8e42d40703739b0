import { PassThrough } from 'node:stream';
import type { FlowSettings } from '../settings.js';
import type { OutboundAction } from '../../core/events.js';
import { chatKey, userKey } from '../../core/ids.js';
import { MIME } from '../../core/mime.js';
import { localDate } from '../../core/tz.js';
import { buildExport, formatsOf, type FileFormat } from '../../documents/files.js';
import { writeExport, type ExportFormat } from '../../documents/stream.js';
import type { FormSpec } from '../engine/form.js';
import { ledgerForm } from '../forms/ledger/form.js';
import { parseDate } from '../parsers/date.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';
import type { BlobStore } from '../../store/blobs.js';
import type { RecordRepository } from '../../store/records.js';
import { commandText } from '../../text/commands.js';
import { tf } from '../../text/forms.js';
import { progressText } from '../../text/progress.js';
import type { ChatCommand, CommandContext } from './command.js';
import { asker, groupsInScope, say } from './context.js';

export interface ExportDeps {
  records: RecordRepository;
  forms: readonly FormSpec[];
  roles: RoleLookup;
  config: Pick<FlowSettings, 'timezone' | 'org'>;
  blobs?: BlobStore;
}

/**
 * /export, 导出. With no form name (at most a format): this group's ledger as a file. With a form
 * name, 统计表 or 全部 (and optionally a format and dates): the official document, for a
 * coordinator in a private chat.
 */
export function exportCommand(d: ExportDeps): ChatCommand {
  return {
    name: 'export',
    words: ['/export', '导出'],
    description: commandText.export.description,
    run: (ctx) => (/^(xlsx|csv)?$/i.test(ctx.args.trim()) ? groupLedger(d, ctx) : officialFile(d, ctx)),
  };
}

/**
 * The group's ledger, for its team leader and the coordinators whose scope covers it
 * (roles/policy.ts). Any other member gets only their own entries, labelled so — an expert sees
 * their own data — or, with none, a refusal that says who may export the group's.
 */
async function groupLedger(d: ExportDeps, { ev, args, now }: CommandContext): Promise<OutboundAction[]> {
  const format = (args.trim().toLowerCase() || 'xlsx') as ExportFormat;
  if (format !== 'xlsx' && format !== 'csv') return [say(commandText.export.badFormat)];
  const group = chatKey(ev.platform, ev.chat.id);
  const me = userKey(ev.platform, ev.user.id);
  const decision = await d.roles.authorize(me, 'export', group);
  // Someone without the right to the group's table still gets their own entries in it.
  const onlyMine = !decision.ok;
  const query = { form: ledgerForm.id, chatKey: group, ...(onlyMine ? { userKey: me } : {}) };
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const n = await writeExport({ form: ledgerForm, format, timezone: d.config.timezone, records: d.records.scan(query), out });
  out.end();
  if (n === 0 && !decision.ok) {
    return [say(`${progressText.denied[decision.reason](progressText.actions.export)}\n${commandText.export.noneOfYours}`)];
  }
  if (n === 0) return [say(commandText.export.empty(ledgerForm.title))];
  // The file is named by the local date (core/tz.ts): at 04:30 in Beijing it is already tomorrow in the name too.
  const day = localDate(now, d.config.timezone);
  const where = ev.chat.title ?? ev.chat.id;
  return [
    {
      kind: 'file',
      fileName: `${ledgerForm.title}-${where}${onlyMine ? `-${ev.user.name}` : ''}-${day}.${format}`,
      mime: MIME[format],
      data: Buffer.concat(chunks),
      caption: onlyMine
        ? commandText.export.mineCaption(ledgerForm.title, n)
        : commandText.export.caption(ledgerForm.title, ev.chat.title ?? '', n),
    },
  ];
}

/**
 * `导出 台账 xlsx 2026-11-01 2026-11-30`, `导出 全部`, `导出 统计表`: a file, in private, for
 * coordinators. Everything only for someone whose scope covers every group; one group for a
 * one-group scope.
 */
async function officialFile(d: ExportDeps, ctx: CommandContext): Promise<OutboundAction[]> {
  const { me } = asker(ctx);
  if (!(await d.roles.authorize(me, 'export')).ok) return [say(tf.exports.coordinatorsOnly)];
  if (ctx.ev.chat.kind !== 'private') return [say(tf.exports.privateOnly)];
  const { all, allowed } = await groupsInScope(d, me, 'export');
  if (allowed.length !== all.length && allowed.length !== 1) return [say(tf.exports.narrowScope)];
  const only = allowed.length !== all.length ? allowed[0] : undefined;
  const dates: string[] = [];
  let word = 'all';
  let format: string | undefined;
  for (const w of ctx.args.split(' ').filter(Boolean)) {
    const date = parseDate(w, { now: ctx.now, timezone: d.config.timezone });
    if (/^(csv|xlsx|docx|zip)$/i.test(w)) format = w.toLowerCase();
    else if (date.ok && /\d/.test(w)) dates.push(date.value);
    else word = w;
  }
  const usage = [say(tf.exports.usage(d.forms.map((f) => f.title)))];
  const what = exportTarget(word, d.forms);
  if (!what) return usage;
  const formats = formatsOf(what, d.forms);
  const chosen = (format ?? formats[0]) as FileFormat;
  if (!formats.includes(chosen)) return usage;
  const scope = { ...(only ? { chatKey: only } : {}), ...(dates[0] ? { from: dates[0] } : {}), ...(dates[1] ? { to: dates[1] } : {}) };
  const file = await buildExport(what, chosen, scope, {
    records: d.records,
    forms: d.forms,
    timezone: d.config.timezone,
    unit: d.config.org.unit,
    now: ctx.now,
    ...(d.blobs ? { blobs: d.blobs } : {}),
  });
  if (file.count === 0 && what !== 'stats') return [say(tf.exports.nothing)];
  const c = commandText.export;
  const title = what === 'all' ? c.allTitle : what === 'stats' ? c.statsTitle : d.forms.find((f) => f.id === what)!.title;
  return [{ kind: 'file', fileName: file.fileName, mime: file.mime, data: file.data, caption: tf.exports.caption(title, file.count) }];
}

/** Which document a word names: a form (台账, 工作台账, ledger …), 统计表, or 全部. */
function exportTarget(word: string, forms: readonly FormSpec[]): string | undefined {
  if (['全部', 'all', '所有'].includes(word)) return 'all';
  if (['统计表', '统计', 'stats', '科技之冬'].includes(word)) return 'stats';
  return forms.find((x) => x.id === word || x.title === word || x.triggers.includes(word) || x.title.includes(word))?.id;
}
