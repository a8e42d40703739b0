import { withLockRenewal } from './lock-renewal.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';
import { toClaim, toCommit, toMove, type ClaimResult, type CommitResult } from './status.js';

export type { ClaimResult, CommitResult, SaveOutcome } from './status.js';

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
  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
    private readonly t: ConversationTimings,
  ) {}

  async claim(conv: string, chat: string, messageId: string, message: string, token: string, requireState: boolean): Promise<ClaimResult> {
    const k = this.keys;
    const r = await this.redis.bangfuClaim(
      k.convInbox(conv),
      k.convLock(conv),
      k.convState(conv),
      k.seen(chat, messageId),
      message,
      token,
      this.t.lockTtlMs,
      this.t.seenTtlSec,
      requireState ? 1 : 0,
      this.t.stateTtlSec,
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
    const [inbox, lock, st] = [k.convInbox(conv), k.convLock(conv), k.convState(conv)];
    const { stateTtlSec, lockTtlMs } = this.t;
    const r = record
      ? await this.redis.bangfuCommitSave(
          inbox,
          lock,
          st,
          k.record(record.form, record.id),
          k.idxAll(record.form),
          k.idxGroup(record.form, record.chatKey),
          k.idxUser(record.form, record.userKey),
          k.groups(),
          token,
          state ?? '',
          stateTtlSec,
          lockTtlMs,
          record.json,
          record.score,
          record.id,
          record.chatKey,
          record.chatTitle,
        )
      : await this.redis.bangfuCommit(inbox, lock, st, token, state ?? '', stateTtlSec, lockTtlMs);
    return toCommit(r);
  }

  /** As commit, saving a reopened record's new revision (checked against the revision reopened). */
  async commitAmend(conv: string, token: string, state: string | null, a: PreparedAmend): Promise<CommitResult> {
    const k = this.keys;
    const r = a.record;
    const res = await this.redis.bangfuCommitAmend(
      k.convInbox(conv),
      k.convLock(conv),
      k.convState(conv),
      k.record(r.form, r.id),
      k.idxAll(r.form),
      k.idxGroup(r.form, r.chatKey),
      k.idxUser(r.form, r.userKey),
      k.recordAudit(r.form, r.id),
      token,
      state ?? '',
      this.t.stateTtlSec,
      this.t.lockTtlMs,
      r.json,
      r.score,
      r.id,
      a.expectRev,
      a.audit,
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
    const [source, target] = [this.keys.convState(from), this.keys.convState(to)];
    return toMove(await this.redis.bangfuMove(source, target, current, change(current), this.t.stateTtlSec));
  }

  /**
   * Runs one step while renewing the conversation's lock, so a slow step (a model call, a big
   * export) does not lose the turn to another process; a fast step costs one timer, no Redis call.
   */
  whileHolding<T>(conv: string, token: string, work: () => Promise<T>): Promise<T> {
    return withLockRenewal(this.redis, this.keys.convLock(conv), token, this.t.lockTtlMs, work);
  }

  /**
   * True the first time a platform event id is seen in a chat, in the same key space and for as long
   * as claim-4's dedupe: for events handled outside a conversation's mailbox (a group's 即将上线 reply).
   */
  async firstSight(chat: string, messageId: string): Promise<boolean> {
    return (await this.redis.set(this.keys.seen(chat, messageId), '1', 'EX', this.t.seenTtlSec, 'NX')) === 'OK';
  }

  /** The stored state of a conversation, for tests and diagnostics; the message path never needs it. */
  async peekState(conv: string): Promise<string | null> {
    return this.redis.get(this.keys.convState(conv));
  }
}
