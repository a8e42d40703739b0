import { createApp } from '../app.js';
import { createConsole } from '../bot/console/index.js';
import { surfaceFactories } from '../bot/surfaces.js';
import { loadConfig } from '../config/load.js';
import type { Surface } from '../core/surface.js';
import { createLogger } from '../log/logger.js';

export interface StartOptions {
  console?: boolean;
  user?: string;
  name?: string;
  group?: string;
}

/**
 * Starts every enabled surface. The console runs when asked for, or when nothing else is
 * configured (the embedded default); when it is running, its end of input ends the process.
 */
export async function runStart(opts: StartOptions): Promise<void> {
  const config = loadConfig();
  const surfacesEnabled = Object.values(config.platforms).some((p) => p.enabled);
  const withConsole = Boolean(opts.console) || !surfacesEnabled;
  // In the console, stdout is the chat: keep the log (stderr) to warnings unless asked otherwise.
  const logger = createLogger(withConsole && !process.env.BANGFU_LOG_LEVEL ? 'warn' : config.log.level);
  const app = await createApp(config, logger);

  const surfaces: Surface[] = [];
  let closing: Promise<void> | undefined;
  const close = (code: number): Promise<void> =>
    (closing ??= Promise.allSettled(surfaces.map((s) => s.stop()))
      .then(() => app.close())
      .finally(() => process.exit(code)));
  process.once('SIGINT', () => void close(0));
  process.once('SIGTERM', () => void close(0));

  logger.info({ llm: app.llm.describe }, 'free text');
  for (const make of surfaceFactories) {
    const s = make(app);
    if (!s) continue;
    await s.start();
    surfaces.push(s);
    logger.info({ surface: s.name }, 'surface started');
  }

  // Reminders start once every surface can send; the first pass sends what fell due while down.
  await app.scheduler.start();

  if (!withConsole) return; // platform surfaces keep the process alive until a signal
  const adapter = createConsole(app, {
    user: opts.user,
    name: opts.name,
    group: opts.group,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
  });
  await adapter.run();
  await close(0);
}
