import { describe, expect, it } from 'vitest';
import { chatCommands } from '../../../src/flows/commands/index.js';
import type { CommandDeps } from '../../../src/flows/commands/context.js';
import { CommandRegistry } from '../../../src/flows/commands/registry.js';

// The factories only keep their dependencies until a command runs; listing them needs none.
const commands = chatCommands({} as CommandDeps);

describe('chatCommands: the one list of chat commands', () => {
  it('lists each command once, in the Telegram menu order', () => {
    expect(commands.map((c) => c.name)).toEqual([
      'export',
      'experts',
      'records',
      'amend',
      'history',
      'approve',
      'return',
      'pending',
      'progress',
      'missing',
      'deadline',
      'indicators',
      'whoami',
      'grant',
      'revoke',
      'summary',
    ]);
  });

  it('gives every word to exactly one command, so the registry never picks one silently', () => {
    const owners = new Map<string, string[]>();
    for (const c of commands) for (const w of c.words) owners.set(w.toLowerCase(), [...(owners.get(w.toLowerCase()) ?? []), c.name]);
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
    const registry = new CommandRegistry(commands);
    for (const c of commands) for (const w of c.words) expect(registry.match(`${w} x`)?.command.name).toBe(c.name);
  });

  it('describes every command in Chinese for the menu', () => {
    for (const c of commands) expect(c.description).toMatch(/[\u4e00-\u9fff]/);
  });
});
