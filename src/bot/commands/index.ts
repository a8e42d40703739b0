import type { ChatCommand } from './command.js';
import { exportCommand } from './export.js';

/** Every chat command; a new query command is one file in this folder and one line here. */
export const allCommands: readonly ChatCommand[] = [exportCommand];
