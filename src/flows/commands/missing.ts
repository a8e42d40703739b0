import { localDate } from '../../core/tz.js';
import { resolveScope } from '../../domain/groups.js';
import { registeredPhones } from '../../domain/scan.js';
import { progressText as t } from '../../text/progress.js';
import { commandText } from '../../text/commands.js';
import type { ChatCommand } from './command.js';
import { asker, findForm, refuse, say, type CommandDeps } from './context.js';

/**
 * /missing <表> [范围]: who has not submitted, group by group, with their phone numbers from 专家登记
 * so a coordinator can call them. Coordinators and team leaders only; numbers show in full only in
 * a private chat (a group sees them masked like every other reply).
 */
export function missingCommand(d: Pick<CommandDeps, 'records' | 'forms' | 'roles' | 'deadlines' | 'reminders' | 'groups'>): ChatCommand {
  return {
    name: 'missing',
    words: ['/missing', '未提交', '谁没交'],
    description: commandText.describe.missing,
    async run(ctx) {
      const [formWord = '', ...rest] = ctx.args.split(' ').filter(Boolean);
      if (!formWord) return [say(t.missing.usage)];
      const { me, here } = asker(ctx);
      const denied = await refuse(d, me, 'missingFull', 'missingFull');
      if (denied) return [denied];
      const form = findForm(d.forms, formWord);
      if (!form) return [say(t.missing.noForm(formWord))];
      const today = localDate(ctx.now, ctx.config.timezone);
      const all = (await d.deadlines.list()).filter((x) => x.form === form.id);
      // The next deadline for that form, or the latest one past.
      const deadline = all.find((x) => x.due >= today) ?? all.at(-1);
      if (!deadline) return [say(t.missing.noDeadline(form.title))];
      const groups = await d.groups();
      const resolved = resolveScope(rest.join(' '), here, groups);
      if (!resolved) return [say(t.badScope(rest.join(' '), groups.map((g) => g.title).filter(Boolean)))];
      const bound = resolved.groups.filter((g) => deadline.groups.includes('*') || deadline.groups.includes(g.chatKey));
      const allowed = new Set(
        await d.roles.scopeOf(
          me,
          'missingFull',
          bound.map((g) => g.chatKey),
        ),
      );
      if (!allowed.size) return [say(t.denied['out-of-scope'](t.actions.missingFull))];
      const lines = [t.missing.head(deadline.title, deadline.due)];
      for (const g of bound.filter((x) => allowed.has(x.chatKey))) {
        const missing = await d.reminders.missing(deadline, g.chatKey);
        if (deadline.per === 'group') {
          lines.push(t.missing.groupMissing(g.title, missing.length === 0));
          continue;
        }
        const phones = await registeredPhones(d.records, d.forms, g.chatKey);
        lines.push(
          t.missing.group(
            g.title,
            missing.map((m) => (phones.has(m.id) ? `${m.name} ${phones.get(m.id)}` : m.name)),
          ),
        );
      }
      return { replies: [say(lines.join('\n'))], unmasked: ctx.ev.chat.kind === 'private' };
    },
  };
}
