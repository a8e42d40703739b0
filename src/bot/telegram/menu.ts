import type { BotCommand } from 'telegraf/types';
import type { FlowEngine } from '../../flows/engine/engine.js';
import type { FormSpec } from '../../flows/engine/form.js';
import type { ChatCommand } from '../../flows/commands/command.js';
import { tg } from '../../text/telegram.js';
import { zh } from '../../text/zh.js';

/**
 * Slash commands, mapped onto the words the engine already understands, so /log and 台账 are the
 * same thing and a form added later gets its command by declaring a "/xxx" trigger.
 */

export type CommandIntent = { kind: 'engine'; text: string } | { kind: 'start'; payload: string } | { kind: 'not-ours' };

interface ParsedCommand {
  name: string;
  mention?: string;
  args: string;
}

function parseCommand(text: string): ParsedCommand | undefined {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), ...(m[2] ? { mention: m[2] } : {}), args: (m[3] ?? '').trim() };
}

const withArgs = (word: string, args: string): string => (args ? `${word} ${args}` : word);

/**
 * What a message starting with "/" asks for. "/log@otherbot" in a group is another bot's command
 * and is left alone; "/log@ourbot" is ours (Telegram appends the name when several bots share a group).
 */
export function commandIntent(text: string, botUsername: string): CommandIntent | undefined {
  const cmd = parseCommand(text);
  if (!cmd) return undefined;
  if (cmd.mention && cmd.mention.toLowerCase() !== botUsername.toLowerCase()) return { kind: 'not-ours' };
  switch (cmd.name) {
    case 'start':
      return { kind: 'start', payload: cmd.args };
    case 'help':
      return { kind: 'engine', text: zh.words.help[0] };
    case 'log':
      return { kind: 'engine', text: withArgs('台账', cmd.args) };
    case 'cancel':
      return { kind: 'engine', text: zh.words.cancel[0] };
    default:
      // A form's "/xxx" trigger (/ledger, /register…) or a chat command (/export csv) reaches the
      // dispatcher as typed, minus the "@ourbot" Telegram adds in groups.
      return { kind: 'engine', text: withArgs(`/${cmd.name}`, cmd.args) };
  }
}

/** "/log" → "log"; Telegram's menu takes lowercase letters, digits and "_" only. */
function slashName(words: readonly string[]): string | undefined {
  for (const w of words) {
    const m = /^\/([a-z0-9_]{1,32})$/.exec(w);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * The "/" menu shown in Telegram: every form this engine fills and every chat command, by their
 * own "/xxx" word, so a form or query added later (/register, /progress…) is listed without
 * touching this file, and nothing is listed that would answer "没听懂".
 */
export function commandMenu(engine: FlowEngine, forms: readonly FormSpec[], commands: readonly ChatCommand[]): BotCommand[] {
  const c = tg.commands;
  const menu = new Map<string, string>([
    ['start', c.start],
    ['help', c.help],
  ]);
  for (const f of forms) {
    const name = slashName(f.triggers);
    if (name && engine.form(f.id) && !menu.has(name)) menu.set(name, c.named[name] ?? c.fill(f.title));
  }
  for (const cmd of commands) {
    const name = slashName(cmd.words);
    if (name && !menu.has(name)) menu.set(name, cmd.description);
  }
  menu.set('cancel', c.cancel);
  return [...menu].map(([command, description]) => ({ command, description: description.slice(0, 256) }));
}
