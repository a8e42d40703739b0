import type { FlowSettings } from '../settings.js';
import { localDate } from '../../core/tz.js';
import type { FormSpec } from '../engine/form.js';
import type { RecordRepository } from '../../store/records.js';
import { commandText } from '../../text/commands.js';
import { tf } from '../../text/forms.js';
import type { ChatCommand } from './command.js';
import { asker, findRecord, formOf, say } from './context.js';

export interface AmendDeps {
  records: RecordRepository;
  forms: readonly FormSpec[];
  config: Pick<FlowSettings, 'amendDeadlines' | 'timezone'>;
  /**
   * The date after which a form's records can no longer be amended. Defaults to config
   * `amendDeadlines`; the reminders' deadline store can answer instead once it is wired here.
   */
  amendDeadline?: (formId: string) => Promise<string | undefined>;
}

/**
 * 修改记录 <编号>: reopens one of the asker's own records as their draft. Not while another draft
 * is open, not once approved, not after the form's amend deadline.
 */
export function amendCommand(d: AmendDeps): ChatCommand {
  return {
    name: 'amend',
    words: ['/amend', '修改记录'],
    description: commandText.describe.amend,
    async run(ctx) {
      const { me } = asker(ctx);
      const found = await findRecord(d.records, d.forms, ctx.args, me, false);
      if (typeof found === 'string') return [say(found)];
      const form = formOf(d.forms, found);
      if (ctx.state) return [say(tf.records.finishDraftFirst)];
      if (found.status === 'approved') return [say(tf.records.approvedLocked(form.title))];
      const deadline = d.amendDeadline ? await d.amendDeadline(form.id) : d.config.amendDeadlines[form.id];
      if (deadline && localDate(ctx.now, d.config.timezone) > deadline) return [say(tf.records.pastDeadline(form.title, deadline))];
      const origin = { chatId: found.meta.chatId, chatTitle: found.meta.chatTitle };
      return { replies: [], reopen: { form: found.form, id: found.id, values: found.values, rev: found.rev ?? 1, origin } };
    },
  };
}
