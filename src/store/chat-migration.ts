import { chatKey } from '../core/ids.js';
import type { Platform } from '../core/events.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';
import { Applied } from './status.js';

/**
 * A chat that changes its id (a Telegram group upgraded to a supergroup gets a new one) takes its
 * records, open drafts and bindings along. Each step is a compare-and-set script over a handful of
 * keys, so the move is idempotent and resumable: run it again after a crash, or when the second
 * of Telegram's two migration messages arrives, and it finishes what is left and changes nothing else.
 * SCAN is used to find the keys; this runs once in a group's life, never on the message path.
 */

export interface MigrationResult {
  records: number;
  drafts: number;
  bindings: number;
}

const glob = (s: string): string => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
const enc = encodeURIComponent;

async function* scan(redis: BangfuRedis, match: string): AsyncGenerator<string> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 500);
    cursor = next;
    yield* keys;
  } while (cursor !== '0');
}

/** A step's own answer when there was nothing left to do (the key expired or needs no change). */
const SKIPPED = 2;

/** Retries a compare-and-set step whose input changed under it (a record saved, a draft answered). */
async function settle(step: () => Promise<number>): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const r = await step();
    if (r !== Applied.No) return r;
  }
  throw new Error('chat migration: a key kept changing; run the migration again');
}

/** Points a record, draft or binding at the new chat when it named the old one. */
function rewrite(json: string, fix: (o: Record<string, unknown>) => boolean): string {
  try {
    const o = JSON.parse(json) as Record<string, unknown>;
    return fix(o) ? JSON.stringify(o) : json;
  } catch {
    return json; // not ours to repair; it is still moved with its chat
  }
}

export async function migrateChat(
  redis: BangfuRedis,
  keys: Keys,
  platform: Platform,
  fromId: string,
  toId: string,
): Promise<MigrationResult> {
  const from = chatKey(platform, fromId);
  const to = chatKey(platform, toId);
  const result: MigrationResult = { records: 0, drafts: 0, bindings: 0 };
  if (from === to) return result;

  // Drafts first, so one confirmed while the records move is already filed under the new chat.
  const [cHead, cTail] = keys.convState('\u0000').split('\u0000') as [string, string];
  for await (const key of scan(redis, `${glob(cHead)}${glob(enc(platform))}:*${glob(cTail)}`)) {
    const conv = key.slice(cHead.length, key.length - cTail.length);
    const [, chatPart, userPart] = conv.split(':');
    const moving = chatPart === enc(fromId);
    const target = moving ? keys.convState(`${enc(platform)}:${enc(toId)}:${userPart}`) : key;
    const r = await settle(async () => {
      const json = await redis.get(key);
      if (json === null) return SKIPPED; // expired or finished meanwhile
      const fixed = rewrite(json, (o) => {
        const origin = o.origin as { chatId?: unknown } | undefined;
        if (origin?.chatId !== fromId) return false;
        origin.chatId = toId;
        return true;
      });
      if (!moving && fixed === json) return SKIPPED;
      return redis.bangfuCasState(key, target, json, fixed);
    });
    if (r === Applied.Yes) result.drafts++;
  }

  const idxPrefix = keys.idxGroup('\u0000', from);
  const [head, tail] = idxPrefix.split('\u0000') as [string, string];
  for await (const oldIdx of scan(redis, `${glob(head)}*${glob(tail)}`)) {
    const form = oldIdx.slice(head.length, oldIdx.length - tail.length);
    if (keys.idxGroup(form, from) !== oldIdx) continue;
    const newIdx = keys.idxGroup(form, to);
    for (;;) {
      const page = await redis.zrange(oldIdx, '0', '199', 'WITHSCORES');
      if (!page.length) break;
      for (let i = 0; i < page.length; i += 2) {
        const id = page[i]!;
        const score = page[i + 1]!;
        await settle(async () => {
          const raw = await redis.get(keys.record(form, id));
          const fixed =
            raw === null
              ? ''
              : rewrite(raw, (o) => {
                  const meta = o.meta as { chatKey?: unknown; chatId?: unknown } | undefined;
                  if (meta?.chatKey !== from) return false;
                  meta.chatKey = to;
                  meta.chatId = toId;
                  return true;
                });
          return redis.bangfuMoveRecord(oldIdx, newIdx, keys.record(form, id), id, score, raw ?? '', fixed);
        });
        result.records++;
      }
    }
  }

  const title = await redis.hget(keys.groups(), from);
  if (title !== null) await settle(() => redis.bangfuMoveField(keys.groups(), from, to, title, title));
  const binding = await redis.hget(keys.groupBindings(), from);
  if (binding !== null) {
    const fixed = rewrite(binding, (o) => {
      if (o.chatId !== fromId) return false;
      o.chatId = toId;
      return true;
    });
    await settle(() => redis.bangfuMoveField(keys.groupBindings(), from, to, binding, fixed));
    result.bindings++;
  }
  // Names bound once to the old chat now name the new one.
  const names = await redis.hgetall(keys.groupBindingNames());
  for (const [name, bound] of Object.entries(names)) {
    if (bound !== from) continue;
    await redis.hset(keys.groupBindingNames(), name, to);
    result.bindings++;
  }
  return result;
}
