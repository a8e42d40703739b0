import { normalizeInput } from '../../core/text.js';
import type { ChatCommand } from './command.js';

/** Finds the command a message invokes: its first word (with any "@botname" suffix dropped). */
export class CommandRegistry {
  private readonly byWord = new Map<string, ChatCommand>();

  constructor(readonly commands: readonly ChatCommand[]) {
    for (const c of commands) for (const w of c.words) this.byWord.set(w.toLowerCase(), c);
  }

  match(text: string): { command: ChatCommand; args: string } | undefined {
    const s = normalizeInput(text);
    const [first = '', ...rest] = s.split(' ');
    const word = first.replace(/@\w+$/, '').toLowerCase();
    const command = this.byWord.get(word);
    return command ? { command, args: rest.join(' ') } : undefined;
  }
}
