import { amendCommand } from './amend.js';
import { approveCommand, returnCommand } from './approve.js';
import type { ChatCommand } from './command.js';
import type { CommandDeps } from './context.js';
import { deadlineCommand } from './deadline.js';
import { expertsCommand } from './experts.js';
import { exportCommand } from './export.js';
import { grantCommand, revokeCommand } from './grant.js';
import { historyCommand } from './history.js';
import { indicatorsCommand } from './indicators.js';
import { missingCommand } from './missing.js';
import { pendingCommand } from './pending.js';
import { progressCommand } from './progress.js';
import { recordsCommand } from './records.js';
import { makeSummaryCommand } from './summary.js';
import { whoamiCommand } from './whoami.js';

/**
 * Every chat command, in the order the Telegram "/" menu lists them; app.ts builds the registry
 * from this list. A new command is one file here and one line below.
 */
export function chatCommands(d: CommandDeps): ChatCommand[] {
  return [
    exportCommand(d),
    expertsCommand(d),
    recordsCommand(d),
    amendCommand(d),
    historyCommand(d),
    approveCommand(d),
    returnCommand(d),
    pendingCommand(d),
    progressCommand(d),
    missingCommand(d),
    deadlineCommand(d),
    indicatorsCommand(d),
    whoamiCommand(d),
    grantCommand(d),
    revokeCommand(d),
    makeSummaryCommand({ roles: d.roles, ...(d.llm ? { llm: d.llm } : {}) }),
  ];
}
