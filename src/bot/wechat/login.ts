import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import QRCode from 'qrcode';
import qrcodeTerminal from 'qrcode-terminal';
import type { Wechaty } from 'wechaty';
import type { Logger } from '../../log/logger.js';
import { Backoff } from '../../core/backoff.js';

/**
 * Shows the login QR code: printed in the terminal (stderr, since stdout may be the console chat)
 * and saved as a PNG under the data dir for a coordinator on a remote server to download.
 */
export async function showLoginQr(qrcode: string, pngPath: string, out: NodeJS.WritableStream, logger: Logger): Promise<void> {
  qrcodeTerminal.generate(qrcode, { small: true }, (s) => out.write(`请用要作为机器人的微信扫码登录：\n${s}\n`));
  await mkdir(path.dirname(pngPath), { recursive: true });
  await QRCode.toFile(pngPath, qrcode, { width: 360, margin: 2 });
  logger.info({ png: pngPath, url: qrcode }, 'wechat login: scan the QR code (also saved as PNG)');
}

export async function removeLoginQr(pngPath: string): Promise<void> {
  await rm(pngPath, { force: true });
}

export interface LoginSupervisorOptions {
  /** Our own view of the login (wechaty's `isLoggedIn` emits an error when asked before the puppet exists). */
  isLoggedIn: () => boolean;
  retryMinMs: number;
  retryMaxMs: number;
  logger: Logger;
  /** Errors before login within `windowMs` that mean "cannot reach WeChat" rather than a hiccup. */
  burst?: number;
  windowMs?: number;
}

/**
 * Starts the bot and keeps it starting. A puppet that cannot reach WeChat (offline server, blocked
 * network) retries its login on its own several times a second; we count those errors and, when they
 * come in bursts before a login, stop the bot and start it again after an ever longer pause. After a
 * login the pause is reset. Logouts are the puppet's to handle (it asks for a new scan); we log them.
 */
export class LoginSupervisor {
  private readonly backoff: Backoff;
  private recent: number[] = [];
  private suppressed = 0;
  private timer?: NodeJS.Timeout;
  private restarting?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly bot: Wechaty,
    private readonly o: LoginSupervisorOptions,
  ) {
    this.backoff = new Backoff(o.retryMinMs, o.retryMaxMs);
  }

  async start(): Promise<void> {
    this.stopped = false;
    try {
      await this.bot.start();
    } catch (err) {
      this.o.logger.error({ err }, 'wechat puppet failed to start');
      this.scheduleRestart();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.restarting?.catch(() => undefined);
    await this.bot.stop().catch((err: unknown) => this.o.logger.warn({ err }, 'wechat stop failed'));
  }

  loggedIn(): void {
    this.backoff.reset();
    this.recent = [];
  }

  /** Every wechaty error comes here: logged (bursts collapsed), and counted towards a restart. */
  error(err: unknown): void {
    if (this.o.isLoggedIn()) {
      this.o.logger.warn({ err }, 'wechat error');
      return;
    }
    const now = Date.now();
    const windowMs = this.o.windowMs ?? 10_000;
    this.recent = [...this.recent.filter((t) => now - t < windowMs), now];
    if (this.recent.length === 1) this.o.logger.warn({ err }, 'wechat error before login');
    else this.suppressed++;
    if (this.recent.length >= (this.o.burst ?? 3)) this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.stopped || this.timer || this.restarting) return;
    const wait = this.backoff.next();
    this.o.logger.warn(
      { retryInMs: wait, attempt: this.backoff.attempts, suppressedErrors: this.suppressed },
      'wechat cannot log in; restarting the puppet after a pause',
    );
    this.suppressed = 0;
    this.recent = [];
    this.restarting = this.bot.stop().catch((err: unknown) => this.o.logger.warn({ err }, 'wechat stop failed'));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.restarting?.then(async () => {
        this.restarting = undefined;
        if (this.stopped) return;
        this.o.logger.info('wechat puppet restarting');
        await this.start();
      });
    }, wait);
  }
}
