import type { ReplyTarget } from '../../core/events.js';
import { joinTyped, typedWords } from '../../core/text.js';
import { localIsoTime } from '../../core/tz.js';
import type { FormSpec } from '../engine/form.js';
import { decide } from '../../domain/approvals.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';
import type { RecordRepository } from '../../store/records.js';
import { commandText } from '../../text/commands.js';
import type { ChatCommand } from './command.js';
import { asker, findRecord, formOf, say } from './context.js';

export interface SignOffDeps {
  records: RecordRepository;
  forms: readonly FormSpec[];
  roles: RoleLookup;
}

/** 审核通过 <编号>: the asker's station signs a 项目书 off (approvals.ts says whose turn it is). */
export function approveCommand(d: SignOffDeps): ChatCommand {
  return signOff(d, 'approve', ['/approve', '审核通过'], commandText.describe.approve);
}

/** 退回 <编号> <理由>: the asker's station returns a 项目书 to its filer with the reason. */
export function returnCommand(d: SignOffDeps): ChatCommand {
  return signOff(d, 'return', ['/return', '退回'], commandText.describe.return);
}

/** Both words are the one sign-off decision; the filer is told the outcome wherever they filed it. */
function signOff(d: SignOffDeps, name: 'approve' | 'return', words: readonly string[], description: string): ChatCommand {
  return {
    name,
    words,
    description,
    async run(ctx) {
      const { me } = asker(ctx);
      const [short = ''] = ctx.args.split(' ');
      const found = await findRecord(
        d.records,
        d.forms.filter((f) => f.approval?.length),
        short,
        me,
        true,
      );
      if (typeof found === 'string') return [say(found)];
      const by = { userKey: me, userName: ctx.ev.user.name };
      const out = await decide(
        d.records,
        d.roles,
        formOf(d.forms, found),
        found,
        name,
        opinionOf(ctx.ev.text),
        by,
        localIsoTime(ctx.now, ctx.config.timezone),
      );
      if (!out.ok) return [say(out.reason)];
      const m = found.meta;
      const target: ReplyTarget = {
        platform: m.platform,
        chat: { id: m.chatId, kind: m.chatId === m.userId ? 'private' : 'group', title: m.chatTitle },
        user: { id: m.userId, name: m.userName },
      };
      return { replies: [say(out.reply)], notify: [{ target, actions: [say(out.filerNote)] }] };
    },
  };
}

/**
 * The opinion as the approver typed it (full-width punctuation, line breaks): what follows the
 * record number in the message itself, not the normalised arguments.
 */
function opinionOf(typed: string): string {
  // Word 1 is the command, word 2 the number, as the registry cuts them; the rest is the opinion.
  return joinTyped(typedWords(typed).slice(2));
}
