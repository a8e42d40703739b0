import { withLockRenewal } from './lock-renewal.js';
import type { Keys } from './keys.js';
import type { BangfuRedis, ScriptReply } from './redis.js';

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

/**
 * none: nothing to save; new: stored now; existed: the same record id was stored before;
 * amended: a reopened record's new revision was stored; gone / conflict: it was not, because the
 * record was deleted or changed by someone else since it was reopened.
 */
export type SaveOutcome = 'none' | 'new' | 'existed' | 'amended' | 'gone' | 'conflict';

/** A new revision of a stored record, with the audit entry that says what changed. */
export interface PreparedAmend {
  record: PreparedRecord;
  expectRev: number;
  audit: string;
}

/** A validated record ready for the atomic save, with the index entries it belongs in. */
export interface PreparedRecord {
  form: string;
  id: string;
  json: string;
  score: number;
  chatKey: string;
  userKey: string;
  chatTitle: string;
}

export interface ConversationTimings {
  lockTtlMs: number;
  stateTtlSec: number;
  seenTtlSec: number;
}

/**
 * Per-conversation mailbox with a lock, in Redis: messages of one user in one chat are handled one
 * at a time in arrival order by whichever process holds the lock, across any number of processes.
 * A crashed holder's lock expires; the message it was handling stays at the head of the inbox and
 * is handled by the next claimer, so nothing is dropped and nothing committed twice.
 */
export class ConversationStore {
  constructor(private readonly redis: BangfuRedis, private readonly keys: Keys, private readonly t: ConversationTimings) {}

  async claim(conv: string, chat: string, messageId: string, message: string, token: string, requireState: boolean): Promise<ClaimResult> {
    const k = this.keys;
    const r = await this.redis.bangfuClaim(
      k.convInbox(conv), k.convLock(conv), k.convState(conv), k.seen(chat, messageId),
      message, token, this.t.lockTtlMs, this.t.seenTtlSec, requireState ? 1 : 0, this.t.stateTtlSec,
    );
    return toClaim(r);
  }

  async kick(conv: string, token: string): Promise<ClaimResult> {
    const k = this.keys;
    const r = await this.redis.bangfuKick(k.convInbox(conv), k.convLock(conv), k.convState(conv), token, this.t.lockTtlMs);
    return toClaim(r);
  }

  /** Stores the new state (null ends the conversation), saves the record if any, pops the message. */
  async commit(conv: string, token: string, state: string | null, record?: PreparedRecord): Promise<CommitResult> {
    const k = this.keys;
    const base = [k.convInbox(conv), k.convLock(conv), k.convState(conv)];
    const args = [token, state ?? '', this.t.stateTtlSec, this.t.lockTtlMs];
    const r = record
      ? await this.redis.bangfuCommitSave(
          ...base, k.record(record.form, record.id), k.idxAll(record.form), k.idxGroup(record.form, record.chatKey),
          k.idxUser(record.form, record.userKey), k.groups(),
          ...args, record.json, record.score, record.id, record.chatKey, record.chatTitle,
        )
      : await this.redis.bangfuCommit(...base, ...args);
    return toCommit(r);
  }

  /** As commit, saving a reopened record's new revision (checked against the revision reopened). */
  async commitAmend(conv: string, token: string, state: string | null, a: PreparedAmend): Promise<CommitResult> {
    const k = this.keys;
    const r = a.record;
    const res = await this.redis.bangfuCommitAmend(
      k.convInbox(conv), k.convLock(conv), k.convState(conv), k.record(r.form, r.id), k.idxAll(r.form), k.idxGroup(r.form, r.chatKey),
      k.idxUser(r.form, r.userKey), k.recordAudit(r.form, r.id),
      token, state ?? '', this.t.stateTtlSec, this.t.lockTtlMs, r.json, r.score, r.id, a.expectRev, a.audit,
    );
    return toCommit(res);
  }

  /**
   * Moves an open draft to another conversation of the same user, changing it on the way (e.g.
   * stamping the group it counts for). 'moved', 'none' (no draft there, or it changed meanwhile),
   * or 'busy' (the target already has a draft, which is never overwritten).
   */
  async moveState(from: string, to: string, change: (stateJson: string) => string): Promise<'moved' | 'none' | 'busy'> {
    const current = await this.redis.get(this.keys.convState(from));
    if (current === null) return 'none';
    const r = await this.redis.bangfuMove(this.keys.convState(from), this.keys.convState(to), current, change(current), this.t.stateTtlSec);
    return r === 1 ? 'moved' : r === -1 ? 'busy' : 'none';
  }

  /**
   * Runs one step while renewing the conversation's lock, so a slow step (a model call, a big
   * export) does not lose the turn to another process; a fast step costs one timer, no Redis call.
   */
  whileHolding<T>(conv: string, token: string, work: () => Promise<T>): Promise<T> {
    return withLockRenewal(this.redis, this.keys.convLock(conv), token, this.t.lockTtlMs, work);
  }

  /** The stored state of a conversation, for tests and diagnostics; the message path never needs it. */
  async peekState(conv: string): Promise<string | null> {
    return this.redis.get(this.keys.convState(conv));
  }
}

function toClaim(r: ScriptReply): ClaimResult {
  switch (r[0]) {
    case 'ignored':
    case 'duplicate':
    case 'empty':
      return { status: r[0] };
    case 'queued':
    case 'held':
      return { status: 'queued', retryInMs: Math.max(0, Number(r[1] ?? 0)) };
    case 'run':
      return { status: 'run', message: r[1] === null || r[1] === undefined ? null : String(r[1]), state: r[2] === null || r[2] === undefined ? null : String(r[2]) };
    default:
      throw new Error(`unexpected claim reply ${String(r[0])}`);
  }
}

const SAVED: Record<string, SaveOutcome> = { '0': 'none', '1': 'new', '2': 'existed', '3': 'gone', '4': 'conflict', '5': 'amended' };

function toCommit(r: ScriptReply): CommitResult {
  const saved = SAVED[String(r[1])] ?? 'none';
  switch (r[0]) {
    case 'lost':
      return { status: 'lost' };
    case 'done':
      return { status: 'done', saved };
    case 'next':
      return { status: 'next', saved, message: String(r[2]), state: r[3] === null || r[3] === undefined ? null : String(r[3]) };
    default:
      throw new Error(`unexpected commit reply ${String(r[0])}`);
  }
}
