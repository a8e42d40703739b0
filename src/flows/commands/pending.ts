import type { FormSpec } from '../engine/form.js';
import { pendingFor } from '../../domain/approvals.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';
import type { RecordRepository } from '../../store/records.js';
import { commandText } from '../../text/commands.js';
import { tf } from '../../text/forms.js';
import type { ChatCommand } from './command.js';
import { asker, say } from './context.js';

/** 待审核: the 项目书 waiting at the asker's sign-off station, or why there are none. */
export function pendingCommand(d: { records: RecordRepository; forms: readonly FormSpec[]; roles: RoleLookup }): ChatCommand {
  return {
    name: 'pending',
    words: ['/pending', '待审核'],
    description: commandText.describe.pending,
    async run(ctx) {
      const { me } = asker(ctx);
      const list = await pendingFor(d.records, d.roles, d.forms, me);
      if (!list.length) return [say((await d.roles.rolesOf(me)).length ? tf.approvals.nonePending : tf.approvals.noRole)];
      const rows = list.map((p, i) =>
        tf.approvals.pendingRow(i + 1, p.rec.id.slice(0, 8), p.form.title, p.form.summary?.(p.rec.values) ?? '', p.stage),
      );
      return [say([tf.approvals.pendingTitle(list.length), ...rows, tf.approvals.pendingFooter].join('\n'))];
    },
  };
}
