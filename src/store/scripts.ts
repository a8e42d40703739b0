import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import type { ScriptReply } from './status.js';

/**
 * The one loader of bangfu's Lua scripts (as BullMQ's script-loader): every `lua/<name>-<numkeys>.lua`
 * is read once, its key count taken from its file name (written nowhere else), and registered on a
 * client as the command `bangfu<Name>` with ioredis `defineCommand`, which sends EVALSHA and falls
 * back to EVAL on NOSCRIPT. The prefix keeps our commands clear of ioredis' own (`move`, `bind`…).
 */

/** Each script's command, in the order of its header: KEYS first, then ARGV (see the .lua file). */
export interface BangfuScripts {
  bangfuClaim(
    inbox: string,
    lock: string,
    state: string,
    seen: string,
    message: string,
    token: string,
    lockTtlMs: number,
    seenTtlSec: number,
    requireState: 0 | 1,
    inboxTtlSec: number,
  ): Promise<ScriptReply>;
  bangfuKick(inbox: string, lock: string, state: string, token: string, lockTtlMs: number): Promise<ScriptReply>;
  bangfuCommit(
    inbox: string,
    lock: string,
    state: string,
    token: string,
    stateJson: string,
    stateTtlSec: number,
    lockTtlMs: number,
  ): Promise<ScriptReply>;
  bangfuCommitSave(
    inbox: string,
    lock: string,
    state: string,
    record: string,
    idxAll: string,
    idxGroup: string,
    idxUser: string,
    groups: string,
    token: string,
    stateJson: string,
    stateTtlSec: number,
    lockTtlMs: number,
    recordJson: string,
    score: number,
    recordId: string,
    chatKey: string,
    chatTitle: string,
  ): Promise<ScriptReply>;
  bangfuCommitAmend(
    inbox: string,
    lock: string,
    state: string,
    record: string,
    idxAll: string,
    idxGroup: string,
    idxUser: string,
    audit: string,
    token: string,
    stateJson: string,
    stateTtlSec: number,
    lockTtlMs: number,
    recordJson: string,
    score: number,
    recordId: string,
    expectRev: number,
    auditJson: string,
  ): Promise<ScriptReply>;
  bangfuMove(from: string, to: string, expectedJson: string, nextJson: string, ttlSec: number): Promise<number>;
  bangfuUpdateRecord(record: string, audit: string, expectRev: number, recordJson: string, auditJson: string): Promise<number>;
  bangfuOutboxTake(queue: string, sending: string, lease: string, token: string, leaseMs: number): Promise<ScriptReply>;
  bangfuOutboxBury(sending: string, dead: string, json: string, keep: number): Promise<number>;
  bangfuOutboxRelease(lease: string, token: string): Promise<number>;
  bangfuBind(bindings: string, names: string, chatKey: string, nameField: string, json: string, replace: string): Promise<ScriptReply>;
  bangfuLlmAdmit(
    userWindow: string,
    globalWindow: string,
    usage: string,
    perUser: number,
    global: number,
    budget: number,
    windowMs: number,
  ): Promise<ScriptReply>;
  bangfuLockRenew(lock: string, token: string, ttlMs: number): Promise<number>;
  bangfuTakeKeyboard(keyboard: string, messageId: string): Promise<string | null>;
  bangfuMoveRecord(
    oldIndex: string,
    newIndex: string,
    record: string,
    recordId: string,
    score: string,
    json: string,
    rewritten: string,
  ): Promise<number>;
  bangfuCasState(from: string, to: string, json: string, rewritten: string): Promise<number>;
  bangfuMoveField(hash: string, oldField: string, newField: string, value: string, rewritten: string): Promise<number>;
}

export interface ScriptDef {
  /** The file name, e.g. `claim-4.lua`. */
  file: string;
  /** `claim` */
  name: string;
  /** `bangfuClaim` */
  command: string;
  numberOfKeys: number;
  lua: string;
}

const COMMAND_PREFIX = 'bangfu';

/** `commitSave-8.lua` → name `commitSave`, 8 keys; any other file name is a mistake worth failing on. */
export function splitFilename(file: string): { name: string; numberOfKeys: number } {
  const m = /^([a-z][A-Za-z0-9]*)-(\d+)\.lua$/.exec(path.basename(file));
  if (!m) throw new Error(`Lua script ${file}: the file name must be <name>-<number of keys>.lua`);
  return { name: m[1]!, numberOfKeys: Number(m[2]) };
}

export const commandName = (name: string): string => `${COMMAND_PREFIX}${name[0]!.toUpperCase()}${name.slice(1)}`;

const hasLua = (dir: string): boolean => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.lua'));

/**
 * Where the .lua files are: next to this module when run from src/ (tsx, vitest), or, for the
 * compiled dist/store/scripts.js (tsc copies no .lua), dist/store/lua/ if a build step put them
 * there, else the checkout's src/store/lua/.
 */
export function luaDir(): string {
  const candidates = [new URL('./lua/', import.meta.url), new URL('../../src/store/lua/', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find(hasLua);
  if (!found) throw new Error(`bangfu's Lua scripts were not found in ${candidates.join(' or ')}`);
  return found;
}

let loaded: readonly ScriptDef[] | undefined;

/** Every script, read from disk on the first call only. */
export function loadScripts(): readonly ScriptDef[] {
  if (loaded) return loaded;
  const dir = luaDir();
  loaded = readdirSync(dir)
    .filter((f) => f.endsWith('.lua'))
    .sort()
    .map((file) => {
      const { name, numberOfKeys } = splitFilename(file);
      return { file, name, command: commandName(name), numberOfKeys, lua: readFileSync(path.join(dir, file), 'utf8') };
    });
  return loaded;
}

/** Registers every script on the client (sent once per connection, then run by SHA). */
export function registerScripts(redis: Redis): readonly ScriptDef[] {
  const scripts = loadScripts();
  for (const s of scripts) redis.defineCommand(s.command, { numberOfKeys: s.numberOfKeys, lua: s.lua });
  return scripts;
}
