import { commandText } from '../../text/commands.js';
import { progressText as t } from '../../text/progress.js';
import type { ChatCommand } from './command.js';
import { asker, say, type CommandDeps } from './context.js';

/** /whoami: the user's id (what an admin grants to) and roles. */
export function whoamiCommand(d: Pick<CommandDeps, 'roles'>): ChatCommand {
  return {
    name: 'whoami',
    words: ['/whoami', '我是谁'],
    description: commandText.describe.whoami,
    async run(ctx) {
      const { me } = asker(ctx);
      return [say(t.roles.whoami(me, await d.roles.rolesOf(me)))];
    },
  };
}
