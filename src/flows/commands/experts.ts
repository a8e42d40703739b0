import type { RoleLookup } from '../../domain/roles/lookup.js';
import type { FormRules } from '../../domain/forms.js';
import { scanRegistrations } from '../../domain/scan.js';
import type { RecordRepository } from '../../store/records.js';
import { commandText } from '../../text/commands.js';
import { tf } from '../../text/forms.js';
import type { ChatCommand } from './command.js';
import { asker, groupsInScope, say } from './context.js';

/**
 * 专家名单: members see their group's list with phones masked; coordinators see the groups in their
 * scope in full, in a private chat (the only place a reply may show full numbers).
 */
export function expertsCommand(d: { records: RecordRepository; roles: RoleLookup; forms: readonly FormRules[] }): ChatCommand {
  return {
    name: 'experts',
    words: ['/experts', '专家名单', '专家通讯录'],
    description: commandText.describe.experts,
    async run(ctx) {
      const { me, home } = asker(ctx);
      const priv = ctx.ev.chat.kind === 'private';
      const coord = priv
        ? (await groupsInScope(d, me, 'expertsFull')).allowed
        : (await d.roles.authorize(me, 'expertsFull', home)).ok
          ? [home]
          : [];
      if (priv && !coord.length) return [say(tf.experts.askInGroup)];
      const rows: string[] = [];
      for (const { record: r } of await scanRegistrations(d.records, d.forms, priv ? {} : { chatKeys: [home] })) {
        if (priv && !coord.includes(r.meta.chatKey)) continue;
        rows.push(tf.experts.row(rows.length + 1, r.values, priv ? r.meta.chatTitle : undefined));
      }
      if (!rows.length) return [say(tf.experts.none)];
      const footer = coord.length && !priv ? [tf.experts.fullInPrivate] : [];
      return { replies: [say([tf.experts.title(rows.length), ...rows, ...footer].join('\n'))], unmasked: priv && coord.length > 0 };
    },
  };
}
