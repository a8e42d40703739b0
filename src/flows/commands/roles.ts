import { resolveScope } from '../../domain/groups.js';
import { ROLE_NAMES, type RoleName } from '../../domain/roles/model.js';
import { progressText as t } from '../../text/progress.js';
import type { ChatCommand } from './command.js';
import { asker, groupsOf, refuse, say, type OversightDeps } from './context.js';

const isRole = (r: string): r is RoleName => (ROLE_NAMES as readonly string[]).includes(r);

/** /whoami: the user's id (what an admin grants to) and roles. */
export function whoamiCommand(d: OversightDeps): ChatCommand {
  return {
    name: 'whoami',
    words: ['/whoami', '我是谁'],
    description: '查看我的用户编号和角色',
    async run(ctx) {
      const { me } = asker(ctx);
      return [say(t.roles.whoami(me, await d.roles.rolesOf(me)))];
    },
  };
}

/**
 * /grant <用户编号> <角色> [群名或地区…] and /revoke <用户编号> <角色>, by an admin. A scope word
 * that names known groups binds those groups; any other word is a region prefix (吉林省延边州).
 */
export function grantCommands(d: OversightDeps): ChatCommand[] {
  return [
    {
      name: 'grant',
      words: ['/grant', '授权'],
      description: '分配角色（管理员）',
      async run(ctx) {
        const { me } = asker(ctx);
        const denied = await refuse(d, me, 'grant', 'grant');
        if (denied) return [denied];
        const [user = '', role = '', ...scope] = ctx.args.split(' ').filter(Boolean);
        if (!user || !role) return [say(t.roles.usage)];
        if (!isRole(role)) return [say(t.roles.badRole(role)), say(t.roles.usage)];
        const groups: string[] = [];
        const regions: string[] = [];
        const known = await groupsOf(d);
        for (const w of scope) {
          const hit = resolveScope(w, undefined, known);
          if (hit && hit.groups.every((g) => g.title === w || g.chatKey === w)) groups.push(...hit.groups.map((g) => g.chatKey));
          else regions.push(w);
        }
        await d.roles.grant(user, { role, groups, regions, by: me, at: ctx.now.toISOString() });
        return [say(t.roles.granted(user, role, scope.join('、')))];
      },
    },
    {
      name: 'revoke',
      words: ['/revoke', '收回'],
      description: '收回角色（管理员）',
      async run(ctx) {
        const { me } = asker(ctx);
        const denied = await refuse(d, me, 'grant', 'grant');
        if (denied) return [denied];
        const [user = '', role = ''] = ctx.args.split(' ').filter(Boolean);
        if (!user || !isRole(role)) return [say(t.roles.usage)];
        return [say(t.roles.revoked(user, role, await d.roles.revoke(user, role)))];
      },
    },
  ];
}
