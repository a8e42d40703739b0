import type { RoleLookup } from '../../domain/roles/lookup.js';
import type { ChatCommand } from './command.js';
import { exportCommand } from './export.js';

/** The chat commands every deployment has; the form, oversight and summary commands join them in app.ts. */
export function baseCommands(roles: RoleLookup): ChatCommand[] {
  return [exportCommand(roles)];
}
