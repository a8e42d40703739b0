import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { Logger } from '../../log/logger.js';
import { Backoff } from '../../core/backoff.js';
import { BangfuError } from '../../core/errors.js';

/** An action the implementation refused (status "failed"), with OneBot's retcode. */
export class OneBotError extends BangfuError {
  constructor(
    readonly action: string,
    readonly retcode: number,
    detail: string,
  ) {
    super('onebot.refused', `OneBot ${action} failed (retcode ${retcode})${detail ? `: ${detail}` : ''}`);
    this.name = 'OneBotError';
  }
}

export interface OneBotClientOptions {
  /** Forward WebSocket of NapCat / Lagrange / go-cqhttp, e.g. ws://127.0.0.1:3001. */
  url: string;
  token?: string | undefined;
  reconnect: { minMs: number; maxMs: number };
  callTimeoutMs?: number;
  /** WebSocket ping interval; a peer that misses a pong is cut off and reconnected (a half-open TCP link). */
  pingMs?: number;
  logger: Logger;
}

interface Pending {
  action: string;
  resolve: (data: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface ActionResponse {
  status: string;
  retcode: number;
  data: unknown;
  echo: string;
  message?: string;
  wording?: string;
}

/** Headers that open a OneBot 11 connection: the access token as a Bearer header (the spec's form). */
export function oneBotHeaders(token?: string): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * A OneBot 11 client over one forward WebSocket: events arrive as JSON pushes, actions go out with
 * an `echo` and their answers are matched by it. A dropped socket fails the actions in flight (their
 * messages stay in the outbox) and is reopened with back-off, for as long as the surface runs.
 */
export class OneBotClient extends EventEmitter<{ event: [Record<string, unknown>]; open: []; close: [] }> {
  private ws?: WebSocket;
  private readonly pending = new Map<string, Pending>();
  private readonly backoff: Backoff;
  private timer?: NodeJS.Timeout;
  private stopped = true;
  private lastError = '';

  constructor(private readonly o: OneBotClientOptions) {
    super();
    this.backoff = new Backoff(o.reconnect.minMs, o.reconnect.maxMs);
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
      // A peer that never answers the closing handshake is cut off.
      setTimeout(() => ws.terminate(), 2000).unref();
    });
  }

  /** Calls an action; rejects on a failed status, a timeout, or a dropped socket. */
  call<T = unknown>(action: string, params: Record<string, unknown> = {}): Promise<T> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error(`OneBot not connected (${action})`));
    const echo = randomUUID();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(echo);
        reject(new Error(`OneBot ${action} timed out`));
      }, this.o.callTimeoutMs ?? 15_000);
      this.pending.set(echo, { action, resolve: resolve as (d: unknown) => void, reject, timer });
      ws.send(JSON.stringify({ action, params, echo }), (err) => {
        if (!err) return;
        clearTimeout(timer);
        this.pending.delete(echo);
        reject(err);
      });
    });
  }

  private connect(): void {
    const ws = new WebSocket(this.o.url, { headers: oneBotHeaders(this.o.token), handshakeTimeout: 10_000 });
    this.ws = ws;
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, this.o.pingMs ?? 30_000);
    ping.unref();
    ws.on('pong', () => (alive = true));
    ws.on('open', () => {
      this.backoff.reset();
      this.lastError = '';
      this.o.logger.info({ url: this.o.url }, 'OneBot connected');
      this.emit('open');
    });
    ws.on('message', (data) => this.onData(data.toString()));
    ws.on('error', (err) => {
      // While the implementation is down every retry fails the same way: log each new reason once.
      if (err.message === this.lastError) return;
      this.lastError = err.message;
      const hint = /401|403/.test(err.message) ? 'QQ_ONEBOT_TOKEN rejected by the OneBot implementation' : 'OneBot connection error';
      this.o.logger.error({ url: this.o.url, err }, hint);
    });
    ws.on('close', (code) => {
      clearInterval(ping);
      for (const [echo, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`OneBot connection closed during ${p.action}`));
        this.pending.delete(echo);
      }
      if (this.ws === ws) this.ws = undefined;
      this.emit('close');
      if (this.stopped) return;
      const wait = this.backoff.next();
      this.o.logger.warn({ code, retryInMs: wait, attempt: this.backoff.attempts }, 'OneBot connection lost; reconnecting');
      this.timer = setTimeout(() => this.connect(), wait);
    });
  }

  private onData(text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      this.o.logger.warn({ text: text.slice(0, 200) }, 'OneBot sent something that is not JSON');
      return;
    }
    if (!msg || typeof msg !== 'object') return;
    const m = msg as Record<string, unknown>;
    if (typeof m.echo === 'string' && this.pending.has(m.echo)) {
      const res = m as unknown as ActionResponse;
      const p = this.pending.get(res.echo)!;
      this.pending.delete(res.echo);
      clearTimeout(p.timer);
      if (res.status === 'ok' || res.status === 'async') p.resolve(res.data);
      else p.reject(new OneBotError(p.action, Number(res.retcode), String(res.wording ?? res.message ?? '')));
      return;
    }
    if (typeof m.post_type === 'string') this.emit('event', m);
  }
}
