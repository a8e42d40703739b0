/**
 * Every status the Lua scripts in src/store/lua reply with, and their mapping to typed results, in
 * one place (as BullMQ's error-code.ts): the numbers and words here are the ones written in the
 * scripts' headers, and nothing outside this file compares a script reply with a literal.
 */

/** Reply of our Lua scripts: a status word followed by optional values (Lua false/nil → null). */
export type ScriptReply = [string, ...(string | number | null)[]];

/**
 * What happened to the record a commit or update carried (`saved` in commit-3, commitSave-8,
 * commitAmend-8; the whole reply of updateRecord-2).
 */
export enum Saved {
  None = 0,
  New = 1,
  Existed = 2,
  Gone = 3,
  Conflict = 4,
  Amended = 5,
}

/**
 * The 1/0/-1 replies of the compare-and-set scripts (move-2, casState-2, moveRecord-3, moveField-1,
 * outboxBury-2, outboxRelease-1, lockRenew-1): done, refused because the key was not as read (or
 * not ours), refused because the target holds something already.
 */
export enum Applied {
  Busy = -1,
  No = 0,
  Yes = 1,
}

/** The status words the scripts reply with (the first element of a ScriptReply). */
export enum Status {
  // claim-4, kick-3
  Run = 'run',
  Queued = 'queued',
  Held = 'held',
  Duplicate = 'duplicate',
  Ignored = 'ignored',
  Empty = 'empty',
  // commit-3, commitSave-8, commitAmend-8
  Lost = 'lost',
  Done = 'done',
  Next = 'next',
  // outboxTake-3 (also held, empty)
  Item = 'item',
  // bind-2
  Bound = 'bound',
  Taken = 'taken',
  // llmAdmit-3
  Ok = 'ok',
  Budget = 'budget',
  User = 'user',
  Global = 'global',
}

/**
 * none: nothing to save; new: stored now; existed: the same record id was stored before;
 * amended: a reopened record's new revision was stored; gone / conflict: it was not, because the
 * record was deleted or changed by someone else since it was reopened.
 */
export type SaveOutcome = 'none' | 'new' | 'existed' | 'amended' | 'gone' | 'conflict';

export type ClaimResult =
  | { status: 'ignored' }
  | { status: 'duplicate' }
  | { status: 'empty' }
  | { status: 'queued'; retryInMs: number }
  /** message null: the head of the inbox is the message just claimed (it is not sent back). */
  | { status: 'run'; message: string | null; state: string | null };

export type CommitResult =
  | { status: 'lost' }
  | { status: 'done'; saved: SaveOutcome }
  | { status: 'next'; saved: SaveOutcome; message: string; state: string | null };

const OUTCOME: Readonly<Record<Saved, SaveOutcome>> = {
  [Saved.None]: 'none',
  [Saved.New]: 'new',
  [Saved.Existed]: 'existed',
  [Saved.Gone]: 'gone',
  [Saved.Conflict]: 'conflict',
  [Saved.Amended]: 'amended',
};

const text = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));
const ms = (v: string | number | null | undefined): number => Math.max(0, Number(v ?? 0));

/** A `saved` code as its outcome; an unknown code (a newer script) counts as nothing saved. */
export function toSaveOutcome(code: unknown): SaveOutcome {
  return OUTCOME[Number(code) as Saved] ?? 'none';
}

/** claim-4 and kick-3; kick's 'held' is a wait like claim's 'queued'. */
export function toClaim(r: ScriptReply): ClaimResult {
  switch (r[0]) {
    case Status.Ignored:
    case Status.Duplicate:
    case Status.Empty:
      return { status: r[0] };
    case Status.Queued:
    case Status.Held:
      return { status: 'queued', retryInMs: ms(r[1]) };
    case Status.Run:
      return { status: 'run', message: text(r[1]), state: text(r[2]) };
    default:
      throw new Error(`unexpected claim reply ${String(r[0])}`);
  }
}

/** commit-3, commitSave-8 and commitAmend-8. */
export function toCommit(r: ScriptReply): CommitResult {
  const saved = toSaveOutcome(r[1]);
  switch (r[0]) {
    case Status.Lost:
      return { status: 'lost' };
    case Status.Done:
      return { status: 'done', saved };
    case Status.Next:
      return { status: 'next', saved, message: String(r[2]), state: text(r[3]) };
    default:
      throw new Error(`unexpected commit reply ${String(r[0])}`);
  }
}

/** updateRecord-2. */
export function toUpdate(code: number): 'updated' | 'gone' | 'conflict' {
  return code === Saved.Amended ? 'updated' : code === Saved.Gone ? 'gone' : 'conflict';
}

/** move-2: the draft moved, the source was not as read (or gone), or the target had a draft. */
export function toMove(code: number): 'moved' | 'none' | 'busy' {
  return code === Applied.Yes ? 'moved' : code === Applied.Busy ? 'busy' : 'none';
}

/** The yes/no scripts (outboxBury-2, outboxRelease-1, lockRenew-1, moveField-1, moveRecord-3). */
export const applied = (code: number): boolean => code === Applied.Yes;

/** outboxTake-3, with the message still as its stored JSON. */
export type OutboxTake = { status: 'item'; raw: string } | { status: 'empty' } | { status: 'held'; retryInMs: number };

export function toOutboxTake(r: ScriptReply): OutboxTake {
  switch (r[0]) {
    case Status.Held:
      return { status: 'held', retryInMs: ms(r[1]) };
    case Status.Empty:
      return { status: 'empty' };
    case Status.Item:
      return { status: 'item', raw: String(r[1]) };
    default:
      throw new Error(`unexpected outbox reply ${String(r[0])}`);
  }
}

/** bind-2: the binding as stored, or the chat that holds the name. */
export type BindReply = { status: 'bound'; json: string } | { status: 'taken'; owner: string };

export function toBind(r: ScriptReply): BindReply {
  switch (r[0]) {
    case Status.Bound:
      return { status: 'bound', json: String(r[1]) };
    case Status.Taken:
      return { status: 'taken', owner: String(r[1]) };
    default:
      throw new Error(`unexpected bind reply ${String(r[0])}`);
  }
}

/** llmAdmit-3: admitted, or which limit refused the call. */
export type AdmitReply = { ok: true } | { ok: false; why: 'user' | 'global' | 'budget' };

export function toAdmit(r: ScriptReply): AdmitReply {
  switch (r[0]) {
    case Status.Ok:
      return { ok: true };
    case Status.User:
    case Status.Global:
    case Status.Budget:
      return { ok: false, why: r[0] };
    default:
      throw new Error(`unexpected admit reply ${String(r[0])}`);
  }
}
