import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Telegram Bot API (the network edge we cannot reach in tests), spoken to
 * over HTTP by real telegraf. It keeps the updates queue with getUpdates' offset semantics (an update
 * is gone once a later call's offset passes it), long-polls, remembers the messages the bot sent so
 * taps and replies look like Telegram's, records every call, and fails calls on demand (429, 403).
 */
export type Json = Record<string, unknown>;
export interface StubUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}
export interface StubChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
}
export interface ApiCall {
  method: string;
  params: Json;
  ok: boolean;
  at: number;
  result?: unknown;
}
export interface StubDocument {
  chatId: number;
  fileName: string;
  data: Buffer;
  caption?: string;
}
export type FailRule = (method: string, params: Json) => { code: number; description: string; retry_after?: number } | undefined;

export class TelegramApiStub {
  readonly bot: StubUser = { id: 7000001, is_bot: true, first_name: '帮扶助手', username: 'bangfu_test_bot' };
  readonly calls: ApiCall[] = [];
  readonly documents: StubDocument[] = [];
  readonly rules: FailRule[] = [];
  /** Files users "sent", by file_id, downloadable like Telegram's /file/bot<token>/<path>. */
  readonly files = new Map<string, Buffer>();
  webhook: Json | undefined;
  url = '';
  private server?: Server;
  private updates: Json[] = [];
  private delivered: Json[] = [];
  private nextUpdate = 1;
  private confirmedBelow = 0;
  private waiters = new Set<() => void>();
  private messages = new Map<string, Json>();
  private seq = new Map<number, number>();
  private chats = new Map<number, StubChat>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async close(): Promise<void> {
    for (const w of this.waiters) w();
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  /** A user's message; commands and @mentions get their entities, as Telegram sets them. */
  say(chat: StubChat, from: StubUser, text: string, o: { replyTo?: number; extra?: Json } = {}): Json {
    this.chats.set(chat.id, chat);
    const entities: Json[] = [];
    const cmd = /^\/\w+(@\w+)?/.exec(text);
    if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
    for (const m of text.matchAll(/@\w+/g))
      if (m.index >= (cmd?.[0].length ?? 0)) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
    const msg = this.store({
      chat,
      from,
      date: Math.floor(Date.now() / 1000),
      text,
      ...(entities.length ? { entities } : {}),
      ...(o.replyTo ? { reply_to_message: this.message(chat.id, o.replyTo) } : {}),
      ...o.extra,
    });
    this.push({ message: msg });
    return msg;
  }

  /** A tap on an inline button of a message the bot sent. */
  tap(chatId: number, messageId: number, from: StubUser, data: string): string {
    const id = `cb${this.nextUpdate}`;
    this.push({ callback_query: { id, from, chat_instance: String(chatId), data, message: this.message(chatId, messageId) } });
    return id;
  }

  push(update: Json): number {
    const update_id = this.nextUpdate++;
    this.updates.push({ update_id, ...update });
    for (const w of this.waiters) w();
    return update_id;
  }

  /** Telegram never heard the confirming offset (the bot crashed): everything is sent again. */
  redeliver(): void {
    this.updates = [...this.delivered, ...this.updates.filter((u) => !this.delivered.includes(u))];
    this.confirmedBelow = 0;
  }

  /** Resolves once every update pushed so far has been confirmed by a later getUpdates offset. */
  async confirmed(): Promise<void> {
    while (this.updates.some((u) => (u.update_id as number) >= this.confirmedBelow)) await new Promise((r) => setTimeout(r, 10));
  }

  /** Messages the bot sent (sendMessage/sendDocument results), oldest first, optionally in one chat. */
  sent(chatId?: number): Json[] {
    return [...this.messages.values()].filter(
      (m) => (m.from as StubUser).id === this.bot.id && (chatId === undefined || (m.chat as StubChat).id === chatId),
    );
  }

  message(chatId: number, messageId: number): Json {
    const m = this.messages.get(`${chatId}:${messageId}`);
    if (!m) throw new Error(`stub: no message ${messageId} in chat ${chatId}`);
    return m;
  }

  private store(m: Json): Json {
    const chatId = (m.chat as StubChat).id;
    const message_id = (this.seq.get(chatId) ?? 0) + 1;
    this.seq.set(chatId, message_id);
    const full = { message_id, ...m };
    this.messages.set(`${chatId}:${message_id}`, full);
    return full;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const file = /^\/file\/bot[^/]+\/files\/(.+)$/.exec(req.url ?? '')?.[1];
    if (file !== undefined) {
      const data = this.files.get(decodeURIComponent(file));
      return void (data ? res.writeHead(200).end(data) : res.writeHead(404).end());
    }
    const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? '';
    const params = await readParams(req);
    const failure = this.rules.map((r) => r(method, params)).find(Boolean);
    const call: ApiCall = { method, params, ok: !failure, at: performance.now() };
    this.calls.push(call);
    const reply = (code: number, body: Json): void =>
      void res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (failure) {
      const { code, description, retry_after } = failure;
      return reply(code, { ok: false, error_code: code, description, ...(retry_after ? { parameters: { retry_after } } : {}) });
    }
    if (method === 'getUpdates' && this.webhook) {
      return reply(409, { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" });
    }
    const result = await this.result(method, params, res);
    if (result === undefined) return reply(404, { ok: false, error_code: 404, description: `Not Found: method ${method}` });
    call.result = result;
    reply(200, { ok: true, result });
  }

  private async result(method: string, p: Json, res: ServerResponse): Promise<unknown> {
    const chatId = Number(p.chat_id);
    const chat = (): StubChat => this.chats.get(chatId) ?? { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' };
    const json = (v: unknown): Json | undefined => (typeof v === 'string' ? (JSON.parse(v) as Json) : (v as Json | undefined));
    const replyTo = (): Json => {
      const r = json(p.reply_parameters);
      const original = r && this.messages.get(`${chatId}:${String(r.message_id)}`);
      return original ? { reply_to_message: original } : {};
    };
    const markup = (): Json => {
      const m = json(p.reply_markup);
      return m && 'inline_keyboard' in m ? { reply_markup: m } : {};
    };
    const date = Math.floor(Date.now() / 1000);
    switch (method) {
      case 'getMe':
        return this.bot;
      case 'getChat':
        return chat();
      case 'getFile': {
        const data = this.files.get(String(p.file_id));
        return data && { file_id: p.file_id, file_unique_id: p.file_id, file_size: data.length, file_path: `files/${String(p.file_id)}` };
      }
      case 'getUpdates':
        return this.getUpdates(p, res);
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'answerCallbackQuery':
        if (method === 'deleteWebhook') this.webhook = undefined;
        return true;
      case 'setWebhook':
        this.webhook = p;
        return true;
      case 'sendMessage':
        return this.store({
          chat: chat(),
          from: this.bot,
          date,
          text: p.text,
          ...(p.entities ? { entities: json(p.entities) } : {}),
          ...replyTo(),
          ...markup(),
        });
      case 'sendDocument': {
        const file = p.document as File;
        const data = Buffer.from(await file.arrayBuffer());
        this.documents.push({ chatId, fileName: file.name, data, ...(p.caption ? { caption: String(p.caption) } : {}) });
        return this.store({
          chat: chat(),
          from: this.bot,
          date,
          caption: p.caption,
          document: { file_id: `f${this.documents.length}`, file_name: file.name, file_size: data.length },
          ...replyTo(),
        });
      }
      case 'editMessageText': {
        const m = this.message(chatId, Number(p.message_id));
        const { reply_markup: _dropped, ...rest } = m;
        const edited = { ...rest, text: p.text, entities: json(p.entities), edit_date: date, ...markup() };
        this.messages.set(`${chatId}:${String(m.message_id)}`, edited);
        return edited;
      }
      default:
        return undefined;
    }
  }

  private async getUpdates(p: Json, res: ServerResponse): Promise<Json[]> {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) {
      this.confirmedBelow = Math.max(this.confirmedBelow, offset);
      this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);
    }
    const deadline = Date.now() + Math.min(Number(p.timeout ?? 0), 2) * 1000;
    while (!this.updates.length && Date.now() < deadline && !res.destroyed) {
      await new Promise<void>((r) => {
        const done = (): void => void (this.waiters.delete(done), r());
        this.waiters.add(done);
        setTimeout(done, deadline - Date.now());
      });
    }
    const batch = this.updates.slice(0, Number(p.limit ?? 100));
    for (const u of batch) if (!this.delivered.includes(u)) this.delivered.push(u);
    return batch;
  }
}

/** Reads a Bot API call's parameters, sent by telegraf as JSON or, with files, as multipart. */
async function readParams(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://stub/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
    return Object.fromEntries(form.entries());
  }
  return body.length ? (JSON.parse(body.toString('utf8')) as Json) : {};
}
