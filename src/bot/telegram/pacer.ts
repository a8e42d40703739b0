import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay } from '../../core/backoff.js';
import type { Logger } from '../../log/logger.js';
import { SlidingWindow, Spacing, TokenBucket, type Limiter, type Slot } from './rate-limit.js';

/** Telegram's published send limits; configurable so tests and a local Bot API server can go faster. */
export interface PacerLimits {
  perChatPerSecond: number;
  perChatBurst: number;
  perGroupPerMinute: number;
  globalPerSecond: number;
}

/** How a failed call is handled; the platform-specific part (telegraf's errors) lives in the sender. */
export type SendFailure =
  | { kind: 'retry'; afterMs: number } // 429 Too Many Requests: the platform says when
  | { kind: 'blocked' } // 403: blocked by the user or removed from the group
  | { kind: 'transient' } // network or 5xx: retry with backoff
  | { kind: 'reject' }; // 400 and the like: this message can never be sent

export interface OutboundJob {
  chatId: string;
  group: boolean;
  /** Method name for logs; never the text (it may hold personal data). */
  what: string;
  /** Performs the API call; called again on every retry, so it must be safe to repeat. */
  send(): Promise<unknown>;
  /** Bookkeeping after a successful send (message ids in Redis); errors are logged, never retried. */
  after?(result: unknown): Promise<void>;
}

export interface PacerHooks {
  classify(err: unknown): SendFailure;
  onBlocked(chatId: string): Promise<void>;
}

export interface PacerStats {
  sent: number;
  retried429: number;
  retriedTransient: number;
  rejected: number;
  droppedBlocked: number;
}

const MAX_TRANSIENT_ATTEMPTS = 8;
// Longer than any limiter's memory (a group's window is a minute).
const IDLE_LIMITER_MS = 5 * 60_000;

/**
 * The outbound queue: one FIFO per chat, each drained by one worker that sends strictly one call at
 * a time, so nothing in a chat is reordered; a token bucket per chat (short bursts allowed), an
 * exact sliding window per group (20 a minute) and even spacing for the bot as a whole (30 a
 * second) keep it under Telegram's limits. A 429 keeps the message at the head and waits `retry_after`;
 * a 403 drops that chat's queue and reports it; nothing else stops the other chats.
 */
export class Pacer {
  readonly stats: PacerStats = { sent: 0, retried429: 0, retriedTransient: 0, rejected: 0, droppedBlocked: 0 };
  private readonly queues = new Map<string, OutboundJob[]>();
  private readonly workers = new Map<string, Promise<void>>();
  private readonly chatLimits = new Map<string, { limiter: Limiter; used: number }>();
  private readonly groupLimits = new Map<string, { limiter: Limiter; used: number }>();
  private readonly global: Limiter;
  private readonly abort = new AbortController();
  private prunedAt = performance.now();

  constructor(
    private readonly limits: PacerLimits,
    private readonly hooks: PacerHooks,
    private readonly logger: Logger,
  ) {
    this.global = new Spacing(limits.globalPerSecond);
    // Every waiting chat listens for the stop signal; thousands of them are expected, not a leak.
    setMaxListeners(0, this.abort.signal);
  }

  enqueue(job: OutboundJob): void {
    if (this.abort.signal.aborted) {
      this.logger.warn({ chat: job.chatId, what: job.what }, 'telegram: outbound queue stopped; message dropped');
      return;
    }
    const q = this.queues.get(job.chatId);
    if (q) q.push(job);
    else this.queues.set(job.chatId, [job]);
    // The worker unregisters itself synchronously when its queue runs dry, so a job enqueued at any
    // moment either joins a running worker's queue or starts a new worker.
    if (!this.workers.has(job.chatId)) this.workers.set(job.chatId, this.work(job.chatId));
  }

  /** Messages waiting or in flight, all chats. */
  get backlog(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Resolves when every queue is empty. */
  async idle(): Promise<void> {
    while (this.workers.size) await Promise.allSettled([...this.workers.values()]);
  }

  /** Delivers what is queued for up to `graceMs`, then gives up on the rest (and says how much). */
  async stop(graceMs: number): Promise<void> {
    const timer = sleep(graceMs, 'timeout' as const, { ref: false });
    const outcome = await Promise.race([this.idle().then(() => 'idle' as const), timer]);
    this.abort.abort();
    if (outcome === 'timeout') this.logger.warn({ undelivered: this.backlog }, 'telegram: stopping with messages still queued');
    await Promise.allSettled([...this.workers.values()]);
  }

  private async work(chatId: string): Promise<void> {
    const q = this.queues.get(chatId)!;
    try {
      let transient = 0;
      while (q.length && !this.abort.signal.aborted) {
        const job = q[0]!;
        const slots = this.turn(job);
        await this.wait(Math.max(...slots.map((x) => x.wait)));
        // The bot-wide slot is taken only once the chat may send, so a chat held back by its own
        // limit does not hold a global slot the other chats could use meanwhile.
        const global = this.global.reserve();
        slots.push(global);
        await this.wait(global.wait);
        let result: unknown;
        let failure: { err: unknown } | undefined;
        try {
          result = await job.send();
        } catch (err) {
          failure = { err };
        } finally {
          // Answered or refused, the request reached Telegram and counts against the limits.
          for (const x of slots) x.done();
        }
        if (failure) {
          const f = this.hooks.classify(failure.err);
          const why = failure.err instanceof Error ? failure.err.message : String(failure.err);
          if (f.kind === 'retry') {
            this.stats.retried429++;
            this.logger.warn({ chat: chatId, what: job.what, retryInMs: f.afterMs }, 'telegram: 429, waiting as told');
            await this.wait(f.afterMs);
          } else if (f.kind === 'transient' && ++transient < MAX_TRANSIENT_ATTEMPTS) {
            this.stats.retriedTransient++;
            this.logger.warn({ chat: chatId, what: job.what, err: why, attempt: transient }, 'telegram: send failed, retrying');
            await this.wait(backoffDelay(transient, { minMs: 500, maxMs: 30_000 }));
          } else if (f.kind === 'blocked') {
            this.stats.droppedBlocked += q.length;
            this.logger.warn({ chat: chatId, dropped: q.length, err: why }, 'telegram: bot blocked or removed; chat marked inactive');
            q.length = 0;
            await this.hooks
              .onBlocked(chatId)
              .catch((e: unknown) => this.logger.error({ err: e, chat: chatId }, 'telegram: could not mark chat inactive'));
          } else {
            this.stats.rejected++;
            transient = 0;
            this.logger.error({ chat: chatId, what: job.what, err: why }, 'telegram: message refused; skipped');
            q.shift();
          }
          continue;
        }
        transient = 0;
        q.shift();
        this.stats.sent++;
        if (job.after)
          await job
            .after(result)
            .catch((e: unknown) => this.logger.error({ err: e, chat: chatId }, 'telegram: bookkeeping after send failed'));
      }
    } finally {
      if (!q.length) this.queues.delete(chatId);
      this.workers.delete(chatId);
      this.prune();
    }
  }

  /** Reserves a slot with the chat's (and, for a group, the group's) limiter. */
  private turn(job: OutboundJob): Slot[] {
    const l = this.limits;
    const now = performance.now();
    const slots = [this.limiter(this.chatLimits, job.chatId, now, () => new TokenBucket(l.perChatPerSecond, l.perChatBurst))];
    if (job.group) slots.push(this.limiter(this.groupLimits, job.chatId, now, () => new SlidingWindow(l.perGroupPerMinute, 60_000)));
    return slots;
  }

  private limiter(map: Map<string, { limiter: Limiter; used: number }>, id: string, now: number, make: () => Limiter): Slot {
    let entry = map.get(id);
    if (!entry) map.set(id, (entry = { limiter: make(), used: now }));
    entry.used = now;
    return entry.limiter.reserve();
  }

  /** Forgets the limiters of chats quiet for long enough that they would hold nobody back anyway. */
  private prune(): void {
    const now = performance.now();
    if (now - this.prunedAt < IDLE_LIMITER_MS) return;
    this.prunedAt = now;
    const cutoff = now - IDLE_LIMITER_MS;
    for (const map of [this.chatLimits, this.groupLimits]) {
      for (const [id, b] of map) if (b.used < cutoff && !this.queues.has(id)) map.delete(id);
    }
  }

  private async wait(ms: number): Promise<void> {
    if (ms <= 0) return;
    await sleep(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }
}
