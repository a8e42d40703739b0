import { zh } from '../../text/zh.js';
import { normalizeInput } from '../../core/text.js';

/** The engine's own commands, available inside every form. */
export type EngineCommand =
  | { kind: 'back' }
  | { kind: 'skip' }
  | { kind: 'cancel' }
  /** `byNumber`: the target is a number (修改 3, 修改第3项), so it names a box or nothing, never an answer. */
  | { kind: 'edit'; target: string; byNumber?: boolean }
  | { kind: 'view' }
  | { kind: 'confirm' }
  | { kind: 'help' }
  | { kind: 'restore' };

/** No command is longer than this; longer text is content and is not read as one. */
const COMMAND_CAP = 40;

/** The whole (normalised) message is one of `words`, letters compared without case. */
export function isWord(words: readonly string[], s: string): boolean {
  if (s.length > COMMAND_CAP) return false;
  const lower = s.toLowerCase();
  return words.some((w) => w.toLowerCase() === lower);
}

/** "3", "第3项", "第 3 个": a box named by its number. */
const NUMBERED = /^第?\s*(\d{1,6})\s*[项个条栏]?$/;

/** Recognises a command only when the whole message is the command, so content is never eaten. */
export function parseEngineCommand(input: string): EngineCommand | undefined {
  if (input.length > COMMAND_CAP * 4) return undefined;
  const s = normalizeInput(input);
  if (s.length > COMMAND_CAP) return undefined;
  const { words } = zh;
  if (isWord(words.back, s)) return { kind: 'back' };
  if (isWord(words.skip, s)) return { kind: 'skip' };
  if (isWord(words.cancel, s) || s === '/cancel') return { kind: 'cancel' };
  if (isWord(words.view, s)) return { kind: 'view' };
  if (isWord(words.confirm, s)) return { kind: 'confirm' };
  if (isWord(words.help, s)) return { kind: 'help' };
  if (isWord(words.restore, s)) return { kind: 'restore' };
  for (const w of words.edit) {
    if (s === w) return { kind: 'edit', target: '' };
    // 修改 3 / 修改3 / 修改第3项 / 修改 地点 — but not "改良品种…": a target must be short.
    if (s.startsWith(w)) {
      const target = s.slice(w.length).trim();
      const n = NUMBERED.exec(target);
      if (n) return { kind: 'edit', target: n[1]!, byNumber: true };
      if (target.length > 0 && target.length <= 12) return { kind: 'edit', target };
    }
  }
  return undefined;
}

/** 恢复 (or 找回): the word that brings back a draft 取消 threw away. */
export const isRestoreWord = (text: string): boolean => parseEngineCommand(text)?.kind === 'restore';
