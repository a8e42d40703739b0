import { pass, type Check } from '../../core/surface.js';

/** `bangfu doctor` line for the console: it needs nothing beyond a working bot, so it only says so. */
export async function checkConsole(): Promise<Check[]> {
  return [pass('控制台聊天可用（npm start）')];
}
