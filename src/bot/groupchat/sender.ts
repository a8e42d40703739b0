import { randomUUID } from 'node:crypto';
import { BangfuError } from '../../core/errors.js';
import type { Logger } from '../../log/logger.js';
import type { Outbox, OutboxItem } from '../../store/outbox.js';

/** A delivery that can never succeed (the group is gone, the file is missing): no retries. */
export class PermanentSendError extends BangfuError {
  constructor(message: string) {
    super('send.permanent', message);
    this.name = 'PermanentSendError';
  }
}

export interface PacingOptions {
  /** Pause after each message, jittered uniformly in [minDelayMs, maxDelayMs]. */
  minDelayMs: number;
  maxDelayMs: number;
}

export interface SenderOptions extends PacingOptions {
  outbox: Outbox;
  /** Sends one message on the platform; throws when it did not go out. */
  deliver: (item: OutboxItem) => Promise<void>;
  /** False while the account is logged out or the socket is down: nothing is taken, nothing counted. */
  isReady: () => boolean;
  logger: Logger;
  /** The sender lease; another process may take over this long after a crash. */
  leaseMs?: number;
  /** How often an idle sender looks for messages queued by other processes. */
  idlePollMs?: number;
  maxAttempts?: number;
  /** A send that neither succeeds nor fails within this long counts as failed (a hung puppet must not stall the queue). */
  deliverTimeoutMs?: number;
  /** Wait after the n-th failed attempt: retryDelayMs·n² (3, 12, 27, 48 s by default: ~1.5 min before giving up). */
  retryDelayMs?: number;
  random?: () => number;
  /** The pacing pause; replaceable so tests can observe the delays without waiting for them. */
  pause?: (ms: number) => Promise<void>;
}

/** The jittered pause after a message: uniform in [min, max], so a burst never looks machine-made. */
export function pacingDelay(p: PacingOptions, random: () => number = Math.random): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(p.minDelayMs + (p.maxDelayMs - p.minDelayMs) * r);
}

/**
 * Delivers one account's outbox in order, one message at a time, pausing between messages so a
 * burst of reminders does not get the account limited. One sender per account holds a lease in
 * Redis; a sender that crashes leaves its message in `sending`, and the next one delivers it first.
 * Delivery is at-least-once for that single in-flight message (a crash after the platform accepted
 * it but before the ack resends it), and exactly once for everything else.
 */
export class PacedSender {
  private readonly token = randomUUID();
  private readonly attempts = new Map<string, number>();
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private unsubscribe?: () => void;
  private readonly leaseMs: number;
  private readonly idlePollMs: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;

  constructor(private readonly o: SenderOptions) {
    this.leaseMs = o.leaseMs ?? 30_000;
    this.idlePollMs = o.idlePollMs ?? 500;
    this.maxAttempts = o.maxAttempts ?? 5;
    this.retryDelayMs = o.retryDelayMs ?? 3000;
    if (this.idlePollMs >= this.leaseMs) throw new Error('idlePollMs must be shorter than leaseMs, or the lease lapses while idle');
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.o.outbox.onEnqueue(() => this.wake());
    this.loop = this.run().catch((err: unknown) =>
      this.o.logger.error({ err, account: this.o.outbox.account }, 'outbox sender stopped by an error'),
    );
  }

  /** Stops after the message in flight (if any) and hands the lease back so a successor starts at once. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
    await this.o.outbox.release(this.token).catch(() => undefined);
  }

  /** Ends an idle or pacing wait early (new message queued, connection back). */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.step();
      } catch (err) {
        // Redis briefly unreachable: keep the loop alive, try again shortly.
        this.o.logger.warn({ err, account: this.o.outbox.account }, 'outbox step failed; retrying');
        await this.wait(this.idlePollMs);
      }
    }
  }

  private async step(): Promise<void> {
    if (!this.o.isReady()) return this.wait(this.idlePollMs);
    const next = await this.o.outbox.take(this.token, this.leaseMs);
    if (next.status === 'held') return this.wait(Math.min(Math.max(next.retryInMs, 10), this.idlePollMs));
    if (next.status === 'empty') return this.wait(this.idlePollMs);
    const { raw, item } = next;
    try {
      await this.withTimeout(this.o.deliver(item));
    } catch (err) {
      return this.failed(raw, item, err);
    }
    this.attempts.delete(item.id);
    await this.o.outbox.ack(raw, item);
    const ms = pacingDelay(this.o, this.o.random);
    if (this.o.pause) await this.o.pause(ms);
    else await this.wait(ms, false);
  }

  private async failed(raw: string, item: OutboxItem, err: unknown): Promise<void> {
    const account = this.o.outbox.account;
    // A drop in the connection is not the message's fault: wait for it to come back, count nothing.
    if (!(err instanceof PermanentSendError) && !this.o.isReady()) {
      this.o.logger.warn({ account, id: item.id, err }, 'send interrupted by disconnect; will resend when connected');
      return this.wait(this.idlePollMs);
    }
    const n = (this.attempts.get(item.id) ?? 0) + 1;
    if (err instanceof PermanentSendError || n >= this.maxAttempts) {
      this.attempts.delete(item.id);
      await this.o.outbox.bury(raw, item);
      this.o.logger.error(
        { account, id: item.id, chat: item.target.chatId, attempts: n, err },
        'message could not be sent; moved to the dead-letter list',
      );
      return;
    }
    this.attempts.set(item.id, n);
    this.o.logger.warn({ account, id: item.id, chat: item.target.chatId, attempt: n, err }, 'send failed; will retry');
    await this.wait(this.retryDelayMs * n * n, false);
  }

  private withTimeout(p: Promise<void>): Promise<void> {
    const ms = this.o.deliverTimeoutMs ?? 20_000;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`send timed out after ${ms} ms`)), ms);
      timer.unref();
    });
    return Promise.race([p, expired]).finally(() => clearTimeout(timer));
  }

  /** Sleeps, ending early on stop (and on wake-ups when `wakeable`). */
  private wait(ms: number, wakeable = true): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeUp === onWake) this.wakeUp = undefined;
        resolve();
      };
      // A stop always ends the wait; a new message only ends an idle wait, never a pacing pause.
      const onWake = wakeable ? done : (): void => (this.running ? undefined : done());
      const timer = setTimeout(done, ms);
      this.wakeUp = onWake;
    });
  }
}
