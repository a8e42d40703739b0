import { parseDate } from '../parsers/date.js';
import { resolveScope } from '../../domain/groups.js';
import type { Deadline } from '../../domain/reminders/deadline.js';
import { progressText as t } from '../../text/progress.js';
import { commandText } from '../../text/commands.js';
import type { ChatCommand } from './command.js';
import { asker, findForm, refuse, say, type CommandDeps } from './context.js';

export type DeadlineDeps = Pick<CommandDeps, 'forms' | 'roles' | 'deadlines' | 'groups'>;

/**
 * /deadline list | add <日期> <表> [范围] | move <编号> <日期> | remove <编号>. Anyone may list;
 * changes need a county, city or province coordinator (or admin) whose scope covers every group
 * the deadline binds — "全部" means every group in the coordinator's own scope.
 */
export function deadlineCommand(d: DeadlineDeps): ChatCommand {
  return {
    name: 'deadline',
    words: ['/deadline', '截止日期'],
    description: commandText.describe.deadline,
    async run(ctx) {
      const [verb = 'list', ...rest] = ctx.args.split(' ').filter(Boolean);
      const { me, here } = asker(ctx);
      const date = (w: string) => parseDate(w, { now: ctx.now, timezone: ctx.config.timezone }, { allowFuture: true });

      if (verb === 'list' || verb === '查看') {
        const all = await d.deadlines.list();
        return [say(all.length ? [t.deadline.listHead, ...all.map(t.deadline.line)].join('\n') : t.deadline.none)];
      }
      if (!['add', 'move', 'remove', '添加', '改期', '删除'].includes(verb)) return [say(t.deadline.usage)];
      const denied = await refuse(d, me, 'deadlines', 'deadlines');
      if (denied) return [denied];

      if (verb === 'add' || verb === '添加') {
        const [when = '', formWord = '', ...scopeWords] = rest;
        const due = date(when);
        if (!due.ok) return [say(t.deadline.badDate(when, due.reason))];
        const form = findForm(d.forms, formWord);
        if (!form) return [say(t.missing.noForm(formWord || '（未写）')), say(t.deadline.usage)];
        const groups = await d.groups();
        const scope = resolveScope(scopeWords.join(' '), here, groups);
        if (!scope) return [say(t.badScope(scopeWords.join(' '), groups.map((g) => g.title).filter(Boolean)))];
        const allowed = await d.roles.scopeOf(
          me,
          'deadlines',
          scope.groups.map((g) => g.chatKey),
        );
        if (!allowed.length) return [say(t.denied['out-of-scope'](t.actions.deadlines))];
        const existing = new Set((await d.deadlines.list()).map((x) => x.id));
        let id = `${form.id}-${due.value}`;
        for (let n = 2; existing.has(id); n++) id = `${form.id}-${due.value}-${n}`;
        const added = await d.deadlines.put({
          id,
          form: form.id,
          title: form.title,
          due: due.value,
          timezone: ctx.config.timezone,
          groups: allowed,
          per: form.filedBy ?? 'member',
          source: 'chat',
          basis: `${ctx.ev.user.name} 在群里添加`,
        });
        return [say(t.deadline.added(added))];
      }

      const [id = '', when = ''] = rest;
      const found = await d.deadlines.get(id);
      if (!found) return [say(t.deadline.notFound(id))];
      if (!(await coversAll(d, me, found))) return [say(t.denied['out-of-scope'](t.actions.deadlines))];
      if (verb === 'remove' || verb === '删除') {
        await d.deadlines.remove(id);
        return [say(t.deadline.removed(id))];
      }
      const due = date(when);
      if (!due.ok) return [say(t.deadline.badDate(when, due.reason))];
      const moved = await d.deadlines.put({ ...found, due: due.value, source: 'chat' });
      return [say(t.deadline.moved(moved))];
    },
  };
}

/** A deadline may be changed only by someone whose scope covers all the groups it binds. */
async function coversAll(d: DeadlineDeps, me: string, dl: Deadline): Promise<boolean> {
  const targets = dl.groups.includes('*') ? (await d.groups()).map((g) => g.chatKey) : dl.groups;
  return (await d.roles.scopeOf(me, 'deadlines', targets)).length === targets.length;
}
