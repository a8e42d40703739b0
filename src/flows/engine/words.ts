import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';

/** The engine's own commands, available inside every form. */
export type EngineCommand =
  | { kind: 'back' }
  | { kind: 'skip' }
  | { kind: 'cancel' }
  | { kind: 'edit'; target: string }
  | { kind: 'view' }
  | { kind: 'confirm' }
  | { kind: 'help' };

const exact = (words: readonly string[], s: string): boolean => words.some((w) => w.toLowerCase() === s.toLowerCase());

/** Recognises a command only when the whole message is the command, so content is never eaten. */
export function parseEngineCommand(input: string): EngineCommand | undefined {
  const s = normalizeInput(input);
  const { words } = zh;
  if (exact(words.back, s)) return { kind: 'back' };
  if (exact(words.skip, s)) return { kind: 'skip' };
  if (exact(words.cancel, s) || s === '/cancel') return { kind: 'cancel' };
  if (exact(words.view, s)) return { kind: 'view' };
  if (exact(words.confirm, s)) return { kind: 'confirm' };
  if (exact(words.help, s)) return { kind: 'help' };
  for (const w of words.edit) {
    if (s === w) return { kind: 'edit', target: '' };
    // 修改 3 / 修改3 / 修改 地点 — but not "改良品种…": a target must be short.
    if (s.startsWith(w)) {
      const target = s.slice(w.length).trim();
      if (target.length > 0 && target.length <= 12) return { kind: 'edit', target };
    }
  }
  return undefined;
}
