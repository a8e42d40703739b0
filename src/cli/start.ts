import { createApp } from '../app.js';
import { ConsoleAdapter } from '../bot/console/adapter.js';
import { loadConfig } from '../config/load.js';
import { createLogger } from '../log/logger.js';

export interface StartOptions {
  console?: boolean;
  user?: string;
  name?: string;
  group?: string;
}

/** Starts the bot. The console is the embedded default; platform adapters join as their issues land. */
export async function runStart(opts: StartOptions): Promise<void> {
  const config = loadConfig();
  // In the console, stdout is the chat: keep the log (stderr) to warnings unless asked otherwise.
  const logger = createLogger(process.env.BANGFU_LOG_LEVEL ? config.log.level : 'warn');
  const app = await createApp(config, logger);

  let closing: Promise<void> | undefined;
  const close = (code: number): Promise<void> =>
    (closing ??= app.close().finally(() => process.exit(code)));
  process.once('SIGINT', () => void close(0));
  process.once('SIGTERM', () => void close(0));

  const adapter = new ConsoleAdapter(app.dispatcher, {
    user: { id: opts.user ?? config.console.user, name: opts.name ?? config.console.name },
    group: opts.group ?? config.console.group,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
  });
  await adapter.run();
  await close(0);
}
