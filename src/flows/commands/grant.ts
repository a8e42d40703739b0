import { resolveScope } from '../../domain/groups.js';
import { ROLE_NAMES, type RoleName } from '../../domain/roles/model.js';
import { commandText } from '../../text/commands.js';
import { progressText as t } from '../../text/progress.js';
import type { ChatCommand } from './command.js';
import { asker, refuse, say, type CommandDeps } from './context.js';

const isRole = (r: string): r is RoleName => (ROLE_NAMES as readonly string[]).includes(r);

/**
 * /grant <用户编号> <角色> [群名或地区…], by an admin. A scope word that names known groups binds
 * those groups; any other word is a region prefix (吉林省延边州).
 */
export function grantCommand(d: Pick<CommandDeps, 'roles' | 'groups'>): ChatCommand {
  return {
    name: 'grant',
    words: ['/grant', '授权'],
    description: commandText.describe.grant,
    async run(ctx) {
      const { me } = asker(ctx);
      const denied = await refuse(d, me, 'grant', 'grant');
      if (denied) return [denied];
      const [user = '', role = '', ...scope] = ctx.args.split(' ').filter(Boolean);
      if (!user || !role) return [say(t.roles.usage)];
      if (!isRole(role)) return [say(t.roles.badRole(role)), say(t.roles.usage)];
      const groups: string[] = [];
      const regions: string[] = [];
      const known = await d.groups();
      for (const w of scope) {
        const hit = resolveScope(w, undefined, known);
        if (hit && hit.groups.every((g) => g.title === w || g.chatKey === w)) groups.push(...hit.groups.map((g) => g.chatKey));
        else regions.push(w);
      }
      await d.roles.grant(user, { role, groups, regions, by: me, at: ctx.now.toISOString() });
      return [say(t.roles.granted(user, role, scope.join('、')))];
    },
  };
}

/** /revoke <用户编号> <角色>, by an admin: takes the role away whatever its scope. */
export function revokeCommand(d: Pick<CommandDeps, 'roles'>): ChatCommand {
  return {
    name: 'revoke',
    words: ['/revoke', '收回'],
    description: commandText.describe.revoke,
    async run(ctx) {
      const { me } = asker(ctx);
      const denied = await refuse(d, me, 'grant', 'grant');
      if (denied) return [denied];
      const [user = '', role = ''] = ctx.args.split(' ').filter(Boolean);
      if (!user || !isRole(role)) return [say(t.roles.usage)];
      return [say(t.roles.revoked(user, role, await d.roles.revoke(user, role)))];
    },
  };
}
