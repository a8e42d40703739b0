import type { FlowSettings } from '../settings.js';
import { localDateTime } from '../../core/tz.js';
import type { FormSpec } from '../engine/form.js';
import { shownValue } from '../engine/render.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';
import type { RecordRepository } from '../../store/records.js';
import { commandText } from '../../text/commands.js';
import { tf } from '../../text/forms.js';
import type { ChatCommand } from './command.js';
import { asker, findRecord, formOf, say } from './context.js';

export interface HistoryDeps {
  records: RecordRepository;
  forms: readonly FormSpec[];
  roles: RoleLookup;
  config: Pick<FlowSettings, 'timezone'>;
}

/** 修改历史 <编号>: a record's edits and sign-offs; one's own records, or anyone's for those who may export. */
export function historyCommand(d: HistoryDeps): ChatCommand {
  return {
    name: 'history',
    words: ['/history', '修改历史'],
    description: commandText.describe.history,
    async run(ctx) {
      const { me } = asker(ctx);
      const found = await findRecord(d.records, d.forms, ctx.args, me, (await d.roles.authorize(me, 'export')).ok);
      if (typeof found === 'string') return [say(found)];
      const form = formOf(d.forms, found);
      const short = found.id.slice(0, 8);
      const entries = await d.records.history(found.form, found.id);
      if (!entries.length) return [say(tf.history.none(form.title, short))];
      const field = (k: string) => {
        const f = form.fields.find((x) => x.key === k);
        return f && { label: f.label, show: (v: unknown) => shownValue(f, v) };
      };
      const lines = entries.map((e) => tf.history.entry(e, field, localDateTime(new Date(e.at), d.config.timezone)));
      return [say([tf.history.title(form.title, short), ...lines].join('\n'))];
    },
  };
}
