import { userKey } from '../../core/ids.js';
import { MIME } from '../../core/mime.js';
import { localDate } from '../../core/tz.js';
import { barChartPng } from '../../documents/chart.js';
import { computeFigures } from '../../domain/figures.js';
import { parsePeriod, type Period } from '../parsers/period.js';
import { resolveScope } from '../../domain/groups.js';
import { userHours } from '../../domain/hours.js';
import { nominationQuota, projectQuota } from '../../domain/quotas.js';
import { tf } from '../../text/forms.js';
import { progressText as t } from '../../text/progress.js';
import { commandText } from '../../text/commands.js';
import type { ChatCommand, CommandContext, CommandOutcome } from './command.js';
import { asker, say, type CommandDeps } from './context.js';

export type ProgressDeps = Pick<
  CommandDeps,
  'records' | 'forms' | 'roles' | 'deadlines' | 'reminders' | 'indicators' | 'groups' | 'config'
>;

/** Splits "龙井市 本月" into scope words and a period (the first word that reads as one). */
function parseArgs(args: string, ctx: CommandContext): { scope: string; period: Period } | { error: string } {
  const words = args.split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const p = parsePeriod(words[i]!, ctx.now, ctx.config.timezone);
    if (p) return { scope: words.filter((_, j) => j !== i).join(' '), period: p };
  }
  const last = words.at(-1) ?? '';
  const looksLikePeriod = /\d|年|月|至|到|~/.test(last);
  if (looksLikePeriod && words.length) return { error: t.badPeriod(last) };
  return { scope: words.join(' '), period: parsePeriod('', ctx.now, ctx.config.timezone)! };
}

/** Submissions against each deadline that binds these groups, due in the period or still ahead. */
async function deadlineLines(d: ProgressDeps, chatKeys: string[], period: Period, today: string): Promise<string[]> {
  const lines: string[] = [];
  for (const dl of await d.deadlines.list()) {
    if (!(dl.due >= period.from && (dl.due <= period.to || dl.due >= today))) continue;
    const targets = dl.groups.includes('*') ? chatKeys : chatKeys.filter((k) => dl.groups.includes(k));
    if (!targets.length) continue;
    let done = 0;
    let expected = 0;
    for (const k of targets) {
      const missing = await d.reminders.missing(dl, k);
      if (dl.per === 'group') {
        expected += 1;
        done += missing.length ? 0 : 1;
      } else {
        const members = (await d.reminders.members(k)).length;
        expected += members;
        done += members - missing.length;
      }
    }
    lines.push(t.deadlineLine(dl, done, expected));
  }
  return lines;
}

/** Nomination and project quota use (shown to everyone: it says whether a slot is still free). */
async function quotaLines(d: ProgressDeps, chatKeys: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const kind of ['team', 'individual'] as const) {
    const q = await nominationQuota(d.records, d.forms, d.config.quotas, kind);
    if (q) out.push(tf.progress.quota(q));
  }
  const pq = await projectQuota(d.records, d.forms, d.config.quotas, chatKeys.length === 1 ? chatKeys[0] : undefined);
  if (pq.total.used) {
    out.push(tf.progress.projects(pq.total), ...pq.lines.filter((l) => l.used).map((l) => `    ${tf.progress.quota(l)}`));
    if (pq.unknown) out.push(tf.progress.projectsUnknown(pq.unknown));
  }
  return out;
}

/** 我的进度: an expert's own figures, and the deadlines they still owe. */
async function mine(d: ProgressDeps, ctx: CommandContext, period: Period, note?: string): Promise<CommandOutcome> {
  const { me, here } = asker(ctx);
  const f = await computeFigures(d.records, d.forms, { userKey: me, from: period.from, to: period.to });
  const e = f.experts.find((x) => x.userKey === me);
  const tg = d.config.schedule.targets;
  const owed: string[] = [];
  const today = localDate(ctx.now, ctx.config.timezone);
  const groups = here ? [here] : [...new Set((await d.groups()).map((g) => g.chatKey))];
  for (const dl of await d.deadlines.list()) {
    if (dl.due < today || dl.per !== 'member') continue;
    for (const k of groups.filter((g) => dl.groups.includes('*') || dl.groups.includes(g))) {
      if ((await d.reminders.missing(dl, k)).some((m) => userKey(ctx.ev.platform, m.id) === me)) {
        owed.push(`《${dl.title}》`);
        break;
      }
    }
  }
  // Hours as the 先进个人 check counts them: ledger and 工作日志 over the last year.
  const yearHours = await userHours(d.records, d.forms, me, today);
  const quotas = await quotaLines(d, here ? [here] : []);
  const lines = [
    t.mine.title(e?.name ?? ctx.ev.user.name, period.label),
    t.mine.line(e?.activities ?? 0, e?.participants ?? 0, e?.days ?? 0, tg.daysPerExpert),
    tf.progress.myHours(yearHours, tg.hoursPerExpert),
    t.mine.missing(owed),
    ...quotas,
    ...(note ? [note] : []),
  ];
  return { replies: [say(lines.join('\n'))] };
}

/**
 * /progress [范围] [时段]: coordinators get the figures of the groups in their scope with a chart;
 * anyone else gets 我的进度. Every number comes from the records (domain/figures.ts).
 */
export function progressCommand(d: ProgressDeps): ChatCommand {
  return {
    name: 'progress',
    words: ['/progress', '进度', '填报进度', '我的进度'],
    description: commandText.describe.progress,
    async run(ctx) {
      const parsed = parseArgs(ctx.args, ctx);
      if ('error' in parsed) return [say(parsed.error)];
      const { scope, period } = parsed;
      const { me, here } = asker(ctx);
      const firstWord = ctx.ev.text.trim().split(/\s/)[0] ?? '';
      if (firstWord === '我的进度' || !(await d.roles.authorize(me, 'progress')).ok) {
        return mine(d, ctx, period, scope && firstWord !== '我的进度' ? t.mine.scopeIgnored : undefined);
      }
      const groups = await d.groups();
      const resolved = resolveScope(scope, here, groups);
      if (!resolved) return [say(t.badScope(scope, groups.map((g) => g.title).filter(Boolean)))];
      const allowed = await d.roles.scopeOf(
        me,
        'progress',
        resolved.groups.map((g) => g.chatKey),
      );
      if (!allowed.length) return [say(t.denied['out-of-scope'](t.actions.progress))];

      const f = await computeFigures(d.records, d.forms, { chatKeys: allowed, from: period.from, to: period.to });
      const tg = d.config.schedule.targets;
      const reported = await d.indicators.sum(allowed);
      const today = localDate(ctx.now, ctx.config.timezone);
      const lines = [
        t.title(resolved.label, period.label),
        t.activities(f.activities, f.participants, f.hours, tg.activitiesPerYear),
        t.expertsHead(tg.daysPerExpert, tg.hoursPerExpert),
        ...f.experts.slice(0, 15).map((e) => t.expertLine(e.name, e.days, tg.daysPerExpert, e.hours, e.activities)),
        ...(f.experts.length > 15 ? [t.moreExperts(f.experts.length - 15)] : []),
        t.twoNumbers(f.registeredExperts, reported.associations, reported.lifted, f.households, f.villages),
        ...(reported.associations === undefined || reported.lifted === undefined ? [t.twoNumbersHint] : []),
      ];
      const dl = await deadlineLines(d, allowed, period, today);
      if (dl.length) lines.push(t.deadlinesHead, ...dl);
      const quotas = await quotaLines(d, allowed);
      if (quotas.length) lines.push(t.quotaHead, ...quotas.map((q) => `  ${q}`));

      const chart =
        allowed.length > 1
          ? barChartPng(
              t.chartTitle(resolved.label, period.label),
              f.groups.map((g) => g.title),
              [
                { name: t.chartSeries.activities, values: f.groups.map((g) => g.activities) },
                { name: t.chartSeries.people, values: f.groups.map((g) => g.participants) },
              ],
            )
          : barChartPng(
              t.chartTitle(resolved.label, period.label),
              f.experts.slice(0, 12).map((e) => e.name),
              [{ name: t.chartSeries.days, values: f.experts.slice(0, 12).map((e) => e.days) }],
            );
      return [say(lines.join('\n')), { kind: 'file', fileName: `进度-${resolved.label}-${period.label}.png`, mime: MIME.png, data: chart }];
    },
  };
}
