import { MIME } from '../../core/mime.js';
import { localDate } from '../../core/tz.js';
import { normalizeInput } from '../../core/text.js';
import type { LlmService } from '../../llm/service.js';
import { summaryDocx } from '../../documents/summary-docx.js';
import { composeSummary } from '../../documents/summary.js';
import { readPeriod, type PeriodReading } from '../parsers/period.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';
import type { FormRules } from '../../domain/forms.js';
import { allForms } from '../forms/registry.js';
import { llmText } from '../../text/llm.js';
import type { ChatCommand } from './command.js';
import { asker, groupsInScope, say } from './context.js';

const t = llmText.summary;

export type SummaryScopeKind = 'group' | 'mine' | 'all';

export interface SummaryPeriod {
  from: string;
  to: string;
  label: string;
  nextYear: number;
}

const SCOPE_WORDS: Readonly<Record<string, SummaryScopeKind>> = {
  本群: 'group',
  群: 'group',
  群里: 'group',
  我的: 'mine',
  个人: 'mine',
  我: 'mine',
  全部: 'all',
  所有: 'all',
  全部群: 'all',
};

/**
 * "/summary [范围] [时段]": 范围 本群 | 我的 | 全部; 时段 今年 | 去年 | 2026 | 2026年 | 2026-01-01至2026-06-30.
 * Defaults: this group (or, in a private chat, the user's own records) and this year up to today.
 */
export function parseSummaryArgs(
  args: string,
  now: Date,
  timezone: string,
): { scope?: SummaryScopeKind; period: SummaryPeriod } | { error: string } {
  const today = localDate(now, timezone);
  let scope: SummaryScopeKind | undefined;
  let period = summaryPeriod(readPeriod('', now, timezone)!, today)!;
  for (const tok of normalizeInput(args).split(' ').filter(Boolean)) {
    const s = SCOPE_WORDS[tok];
    if (s) {
      scope = s;
      continue;
    }
    const reading = readPeriod(tok, now, timezone);
    const p = reading && summaryPeriod(reading, today);
    if (!p) return { error: t.badPeriod(tok) };
    period = p;
  }
  return { ...(scope ? { scope } : {}), period };
}

/**
 * A summary covers a year or a span of dates, not a month. "This year" runs to today; a span is
 * labelled without spaces because the label goes into the file name.
 */
function summaryPeriod(r: PeriodReading, today: string): SummaryPeriod | undefined {
  const { from, to, label } = r.period;
  if (r.kind === 'month') return undefined;
  if (r.kind === 'range') return { from, to, label: `${from}至${to}`, nextYear: Number(to.slice(0, 4)) + 1 };
  const year = Number(from.slice(0, 4));
  return { from, to: r.thisYear ? today : to, label, nextYear: year + 1 };
}

export interface SummaryCommandDeps {
  /** The model that may word the narrative paragraphs (config llm.summaryProse); figures never come from it. */
  llm?: LlmService;
  /** Who is a coordinator (may draft 全部); config `roles` when absent. */
  roles?: RoleLookup;
  /** The forms whose records count (their `counts`); every form of the bot when absent. */
  forms?: readonly FormRules[];
}

/**
 * /summary: drafts the 年度工作总结和下一年工作计划 from the ledger and sends it as a DOCX file.
 * A group's summary in the group; one's own anywhere; all groups for coordinators only.
 */
export function makeSummaryCommand(deps: SummaryCommandDeps = {}): ChatCommand {
  return {
    name: 'summary',
    words: ['/summary', '工作总结', '年度总结'],
    description: t.description,
    async run(ctx) {
      const { ev, args, now, config, records, state } = ctx;
      const parsed = parseSummaryArgs(args, now, config.timezone);
      if ('error' in parsed) return [say(parsed.error), say(t.usage)];
      const { period } = parsed;
      const inGroup = ev.chat.kind === 'group' || state?.origin !== undefined;
      const kind = parsed.scope ?? (inGroup ? 'group' : 'mine');
      const { me, home: group } = asker(ctx);
      const home = state?.origin ?? { chatId: ev.chat.id, chatTitle: ev.chat.title ?? '' };
      if (kind === 'group' && !inGroup) return [say(t.groupOnlyInGroup)];
      // A group's or everyone's summary is the coordinators' (and team leaders') to draft; one's own is anyone's.
      let scopeKeys: string[] | undefined;
      if (kind !== 'mine') {
        if (!deps.roles) return [say(t.allOnlyCoordinators)];
        if (kind === 'group' && !(await deps.roles.authorize(me, 'summary', group)).ok) return [say(t.allOnlyCoordinators)];
        if (kind === 'all') {
          scopeKeys = (await groupsInScope({ records, roles: deps.roles }, me, 'summary')).allowed;
          if (!scopeKeys.length) return [say(t.allOnlyCoordinators)];
        }
      }
      const scopeLabel = kind === 'all' ? t.scopeAll : kind === 'group' ? t.scopeGroup(home.chatTitle) : t.scopeMine(ev.user.name);
      const query = {
        from: period.from,
        to: period.to,
        ...(kind === 'group' ? { chatKeys: [group] } : kind === 'mine' ? { userKey: me } : { chatKeys: scopeKeys ?? [] }),
      };
      const useModel = deps.llm && config.llm.summaryProse;
      const s = await composeSummary(
        {
          query,
          scopeLabel,
          unit: config.org.unit,
          periodLabel: period.label,
          nextYear: period.nextYear,
          draftedOn: localDate(now, config.timezone),
        },
        { records, forms: deps.forms ?? allForms, ...(useModel ? { llm: deps.llm } : {}), scope: { userKey: me, chatKey: group } },
      );
      if (s.figures.activities === 0) return [say(t.empty(scopeLabel, period.label))];
      const data = await summaryDocx(s);
      const caption = t.caption(s.title, s.records, s.prose === 'llm');
      return [{ kind: 'file', fileName: `${s.title}.docx`, mime: MIME.docx, data, caption }];
    },
  };
}
