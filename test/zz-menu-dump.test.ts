import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { makeHarness } from './helpers/harness.js';
import { commandMenu } from '../src/bot/telegram/menu.js';
import { allForms } from '../src/flows/forms/registry.js';

it('dump', async () => {
  const h = makeHarness();
  await h.ready;
  const reg = h.bot.commands;
  const words = [...new Set(reg.commands.flatMap((c) => c.words))].map((w) => [w, reg.match(w)?.command.name, reg.match(w)?.command.description]);
  const menu = commandMenu(h.bot.engine, allForms, reg.commands);
  writeFileSync(process.env.DUMP!, JSON.stringify({ words: words.sort(), menu }, null, 1));
  await h.close();
});
