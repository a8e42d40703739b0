import { setTimeout as sleep } from 'node:timers/promises';
import { TelegramError, type Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { backoffDelay } from '../../core/backoff.js';
import type { Logger } from '../../log/logger.js';

type CallApiSignal = NonNullable<NonNullable<Parameters<Telegram['callApi']>[2]>['signal']>;

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** A failing update is retried this many times (Redis restarting, say) before it is skipped and logged. */
const MAX_ATTEMPTS = 8;

/**
 * Long polling with at-least-once delivery. Telegram forgets an update only when a later
 * getUpdates carries an offset past it; this loop asks for the next batch only after every update
 * of the current one has been handled, and `handle` resolves only once its effect is durable in
 * Redis (the dispatcher queued the message). A crash anywhere before that means Telegram sends
 * the update again, and the update's own id makes the second delivery a no-op.
 * (telegraf's `launch()` acknowledges a batch even when a handler failed, hence this loop.)
 */
export class UpdatePoller {
  private readonly abort = new AbortController();
  private running?: Promise<void>;
  private offset = 0;

  constructor(
    private readonly telegram: Telegram,
    private readonly handle: (u: Update) => Promise<void>,
    private readonly timeoutSec: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  /** Finishes the update in hand, then confirms what was handled so a restart does not see it again. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    if (this.offset) await this.telegram.callApi('getUpdates', { offset: this.offset, limit: 1, timeout: 0 }).catch(() => undefined);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let updates: Update[];
      try {
        updates = await this.telegram.callApi(
          'getUpdates',
          { offset: this.offset, timeout: this.timeoutSec, allowed_updates: ALLOWED_UPDATES },
          // telegraf types the signal as the abort-controller shim's class; node-fetch takes Node's own.
          { signal: this.abort.signal as unknown as CallApiSignal },
        );
        failures = 0;
      } catch (err) {
        if (this.abort.signal.aborted) return;
        const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
        const wait = retryAfter ? retryAfter * 1000 : backoffDelay(failures++, { minMs: 1000, maxMs: 30_000 });
        if (err instanceof TelegramError && (err.code === 401 || err.code === 404)) {
          this.logger.fatal({ err: err.message }, 'telegram: TELEGRAM_BOT_TOKEN was refused; polling stopped');
          return;
        }
        this.logger.warn({ err: errText(err), retryInMs: wait }, 'telegram: getUpdates failed');
        await this.pause(wait);
        continue;
      }
      for (const u of updates) {
        if (!(await this.handleWithRetry(u))) return;
        this.offset = u.update_id + 1;
        if (this.abort.signal.aborted) return;
      }
    }
  }

  /** False when stopping before the update was handled: it stays unconfirmed for the next run. */
  private async handleWithRetry(u: Update): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handle(u);
        return true;
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS) {
          this.logger.error({ err, update: u.update_id }, 'telegram: update failed repeatedly; skipped');
          return true;
        }
        this.logger.warn({ err: errText(err), update: u.update_id, attempt }, 'telegram: update failed; retrying');
        if (!(await this.pause(backoffDelay(attempt, { minMs: 250, maxMs: 10_000 })))) return false;
      }
    }
  }

  /** False if stopped while waiting. */
  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.abort.signal });
      return true;
    } catch {
      return false;
    }
  }
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
