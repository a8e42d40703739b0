import type { Dispatcher } from '../../flows/dispatcher.js';
import { ConsoleAdapter } from './bot.js';
import type { WithConsole } from './config.js';

export interface ConsoleStart {
  /** `bangfu start --user/--name/--group`, over the config's `console` section. */
  user?: string | undefined;
  name?: string | undefined;
  group?: string | undefined;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

/**
 * The console chat of `bangfu start`. Unlike the other surfaces it is not started and stopped: the
 * caller runs it, and its end of input ends the process.
 */
export function createConsole(app: { dispatcher: Dispatcher; config: WithConsole }, o: ConsoleStart): ConsoleAdapter {
  const c = app.config.console;
  return new ConsoleAdapter(app.dispatcher, {
    user: { id: o.user ?? c.user, name: o.name ?? c.name },
    group: o.group ?? c.group,
    input: o.input,
    output: o.output,
    interactive: o.interactive,
  });
}
