import type { FormSpec } from '../engine/form.js';
import type { RecordRepository, StoredRecord } from '../../store/records.js';
import { commandText } from '../../text/commands.js';
import { tf } from '../../text/forms.js';
import type { ChatCommand } from './command.js';
import { asker, formOf, say } from './context.js';

/** 我的记录: the asker's own records of every form, newest first, with the short ids other commands take. */
export function recordsCommand(d: { records: RecordRepository; forms: readonly FormSpec[] }): ChatCommand {
  return {
    name: 'records',
    words: ['/records', '我的记录'],
    description: commandText.describe.records,
    async run(ctx) {
      const { me } = asker(ctx);
      const mine: StoredRecord[] = [];
      for (const form of d.forms) for await (const r of d.records.scan({ form: form.id, userKey: me })) mine.push(r);
      if (!mine.length) return [say(tf.records.none)];
      mine.sort((a, b) => b.meta.createdAt.localeCompare(a.meta.createdAt));
      const rows = mine.slice(0, 20).map((r) => {
        const form = formOf(d.forms, r);
        return tf.records.row(r, form.title, form.summary?.(r.values) ?? '');
      });
      return [say([tf.records.title(mine.length), ...rows, tf.records.footer].join('\n'))];
    },
  };
}
