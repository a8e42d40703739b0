import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for a OneBot 11 implementation (NapCat, Lagrange…) on a forward WebSocket at
 * 127.0.0.1: it checks the access token, pushes the events a test asks for (messages with segments,
 * notices, requests), answers actions by `echo` and records them, and can drop or refuse connections
 * to test reconnects. Only the edge we cannot reach (QQ itself) is faked.
 */
export interface StubSegment {
  type: string;
  data: Record<string, unknown>;
}

export interface StubCall {
  action: string;
  params: Record<string, unknown>;
  /** False when the stub answered "failed" (see failNext). */
  ok: boolean;
}

export interface StubFile {
  action: string;
  target: string;
  name: string;
  data: Buffer;
}

export class OneBotStub {
  readonly calls: StubCall[] = [];
  readonly files: StubFile[] = [];
  /** Connections accepted so far (a reconnect adds one). */
  connections = 0;
  rejected = 0;
  /** While true, new connections are refused with 503, as while the implementation restarts. */
  refuse = false;
  /** While true, the stub answers nothing, not even pings: a half-open link after a crash or a NAT timeout. */
  frozen = false;
  /** Actions that fail (status "failed") the next n times they are called. */
  readonly failNext = new Map<string, number>();
  private readonly sockets = new Set<WebSocket>();
  private readonly names = new Map<string, { nickname: string; card?: string }>();
  private seq = 1000;

  private constructor(
    private readonly wss: WebSocketServer,
    readonly url: string,
    readonly selfId: number,
    private readonly token: string | undefined,
  ) {}

  static async start(opts: { token?: string; selfId?: number } = {}): Promise<OneBotStub> {
    let stub: OneBotStub | undefined;
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      // Pongs are sent by hand, so a frozen stub can stop answering them.
      autoPong: false,
      verifyClient: (info: { req: IncomingMessage }, cb: (ok: boolean, code?: number, msg?: string) => void) => {
        if (stub?.refuse) return cb(false, 503, 'Service Unavailable');
        if (!stub?.authorised(info.req)) {
          if (stub) stub.rejected++;
          return cb(false, 401, 'Unauthorized');
        }
        cb(true);
      },
    });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const addr = wss.address();
    if (typeof addr !== 'object' || !addr) throw new Error('no address');
    stub = new OneBotStub(wss, `ws://127.0.0.1:${addr.port}`, opts.selfId ?? 10001, opts.token);
    wss.on('connection', (ws) => stub!.accept(ws));
    return stub;
  }

  /** Makes a member known to get_group_member_info (as a member who never spoke yet). */
  addMember(user: number, nickname: string, card?: string): void {
    this.names.set(String(user), { nickname, ...(card ? { card } : {}) });
  }

  /** Sends a group message event; returns its message_id. */
  pushGroupMessage(o: {
    group: number;
    user: number;
    nickname: string;
    card?: string;
    message: StubSegment[] | string;
    messageId?: number;
  }): number {
    this.names.set(String(o.user), { nickname: o.nickname, ...(o.card ? { card: o.card } : {}) });
    const id = o.messageId ?? ++this.seq;
    this.push({
      post_type: 'message',
      message_type: 'group',
      sub_type: 'normal',
      message_id: id,
      group_id: o.group,
      user_id: o.user,
      message: o.message,
      raw_message: typeof o.message === 'string' ? o.message : '',
      font: 0,
      sender: { user_id: o.user, nickname: o.nickname, card: o.card ?? '', role: 'member' },
    });
    return id;
  }

  pushPrivateMessage(o: { user: number; nickname: string; message: StubSegment[] | string; messageId?: number }): number {
    const id = o.messageId ?? ++this.seq;
    this.push({
      post_type: 'message',
      message_type: 'private',
      sub_type: 'friend',
      message_id: id,
      user_id: o.user,
      message: o.message,
      raw_message: '',
      font: 0,
      sender: { user_id: o.user, nickname: o.nickname },
    });
    return id;
  }

  /** Any event; self_id and time are filled in. */
  push(ev: Record<string, unknown>): void {
    const full = JSON.stringify({ time: Math.floor(Date.now() / 1000), self_id: this.selfId, ...ev });
    for (const ws of this.sockets) ws.send(full);
  }

  /** Cuts every connection without a closing handshake, as a crashed implementation does. */
  dropAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  get connected(): boolean {
    return this.sockets.size > 0;
  }

  /** Messages the bot sent successfully (send_group_msg / send_private_msg), in order. */
  sent(where?: { group?: number; user?: number }): { action: string; message: StubSegment[]; text: string }[] {
    return this.calls
      .filter((c) => c.ok && (c.action === 'send_group_msg' || c.action === 'send_private_msg'))
      .filter((c) => !where || (where.group !== undefined ? c.params.group_id === where.group : c.params.user_id === where.user))
      .map((c) => {
        const message = c.params.message as StubSegment[];
        return {
          action: c.action,
          message,
          text: message
            .filter((s) => s.type === 'text')
            .map((s) => String(s.data.text))
            .join(''),
        };
      });
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private authorised(req: IncomingMessage): boolean {
    if (!this.token) return true;
    const header = req.headers.authorization;
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('access_token');
    return header === `Bearer ${this.token}` || query === this.token;
  }

  private accept(ws: WebSocket): void {
    this.connections++;
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(
      JSON.stringify({
        time: Math.floor(Date.now() / 1000),
        self_id: this.selfId,
        post_type: 'meta_event',
        meta_event_type: 'lifecycle',
        sub_type: 'connect',
      }),
    );
    ws.on('ping', (data) => {
      if (!this.frozen) ws.pong(data);
    });
    ws.on('message', (raw) => {
      if (this.frozen) return;
      const req = JSON.parse(raw.toString()) as { action: string; params?: Record<string, unknown>; echo?: unknown };
      const params = req.params ?? {};
      const answer = this.answer(req.action, params);
      this.calls.push({ action: req.action, params, ok: answer.status === 'ok' });
      ws.send(JSON.stringify({ ...answer, echo: req.echo }));
    });
  }

  private answer(action: string, params: Record<string, unknown>): { status: string; retcode: number; data: unknown; message?: string } {
    const fails = this.failNext.get(action) ?? 0;
    if (fails > 0) {
      this.failNext.set(action, fails - 1);
      return { status: 'failed', retcode: 1200, data: null, message: '发送失败' };
    }
    const ok = (data: unknown = null) => ({ status: 'ok', retcode: 0, data });
    switch (action) {
      case 'get_login_info':
        return ok({ user_id: this.selfId, nickname: '帮扶' });
      case 'send_group_msg':
      case 'send_private_msg':
        return ok({ message_id: ++this.seq });
      case 'upload_group_file':
      case 'upload_private_file': {
        // Real implementations read the file before answering; so does the stub.
        const file = String(params.file);
        const data = file.startsWith('base64://') ? Buffer.from(file.slice(9), 'base64') : readFileSync(file);
        this.files.push({ action, target: String(params.group_id ?? params.user_id), name: String(params.name), data });
        return ok();
      }
      case 'set_group_add_request':
        return ok();
      case 'get_group_member_info': {
        const n = this.names.get(String(params.user_id));
        return ok({ group_id: params.group_id, user_id: params.user_id, nickname: n?.nickname ?? '', card: n?.card ?? '' });
      }
      default:
        return { status: 'failed', retcode: 1404, data: null, message: '不支持的 Api' };
    }
  }
}
