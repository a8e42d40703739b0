import { INDICATORS, type Indicator } from '../../store/indicators.js';
import { progressText as t } from '../../text/progress.js';
import { commandText } from '../../text/commands.js';
import type { ChatCommand } from './command.js';
import { asker, refuse, say, type CommandDeps } from './context.js';

const WORDS: Record<string, Indicator> = { 农技协: 'associations', 农技协数: 'associations', 脱贫: 'lifted', 脱贫人数: 'lifted' };

/** /两数 农技协 12 脱贫 300: a group's coordinator reports the "两数" figures no form records. */
export function indicatorsCommand(d: Pick<CommandDeps, 'roles' | 'indicators'>): ChatCommand {
  return {
    name: 'indicators',
    words: ['/两数', '/indicators', '两数'],
    description: commandText.describe.indicators,
    async run(ctx) {
      const { me, here } = asker(ctx);
      const words = ctx.args.split(' ').filter(Boolean);
      if (!here || words.length < 2 || words.length % 2) return [say(t.indicators.usage)];
      const denied = await refuse(d, me, 'progress', 'indicators', here);
      if (denied) return [denied];
      const parts: string[] = [];
      for (let i = 0; i < words.length; i += 2) {
        const name = WORDS[words[i]!];
        const value = Number(words[i + 1]);
        if (!name || !Number.isInteger(value) || value < 0) return [say(t.indicators.usage)];
        await d.indicators.set(here, name, value);
        parts.push(`${INDICATORS[name]} ${value}`);
      }
      return [say(t.indicators.saved(parts))];
    },
  };
}
