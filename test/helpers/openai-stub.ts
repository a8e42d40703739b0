import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible stand-in over HTTP (the network edge we cannot reach in tests):
 * POST /v1/chat/completions and POST /v1/audio/transcriptions (multipart), answering from a script
 * per test: JSON, raw (malformed) bodies, errors with Retry-After, or no answer in time. Every
 * request is recorded, so a test can check what would have left the machine.
 */
export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (malformed JSON, HTML error pages…). */
  raw?: string;
  /** Waits this long before answering (a timeout when longer than the client's). */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /** The raw request body as text (for "was this number ever sent?" checks). */
  text: string;
  /** Parsed JSON body (chat completions). */
  json?: Record<string, unknown>;
  /** Multipart fields of a transcription request. */
  form?: { model?: string; language?: string; fileName?: string; fileBytes?: number };
}

export type Responder = (req: RecordedRequest) => StubReply;

export class OpenAIStub {
  readonly requests: RecordedRequest[] = [];
  private chatQueue: (StubReply | Responder)[] = [];
  private audioQueue: (StubReply | Responder)[] = [];
  /** Answer when the queue is empty. */
  chatDefault: Responder = () => ({ status: 500, body: { error: { message: 'no scripted reply' } } });
  audioDefault: Responder = () => ({ status: 500, body: { error: { message: 'no scripted reply' } } });

  private constructor(
    private readonly server: Server,
    readonly baseURL: string,
  ) {}

  static async start(): Promise<OpenAIStub> {
    let stub: OpenAIStub | undefined;
    const server = createServer((req, res) => void stub!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    stub = new OpenAIStub(server, `http://127.0.0.1:${port}/v1`);
    return stub;
  }

  /** Queues replies for the next chat completion requests, in order. */
  chat(...replies: (StubReply | Responder)[]): this {
    this.chatQueue.push(...replies);
    return this;
  }

  audio(...replies: (StubReply | Responder)[]): this {
    this.audioQueue.push(...replies);
    return this;
  }

  chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  reset(): void {
    this.requests.length = 0;
    this.chatQueue = [];
    this.audioQueue = [];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? '').split('?')[0]!;
    const rec: RecordedRequest = { path, headers: req.headers, text: raw.toString('utf8') };
    let reply: StubReply;
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      try {
        rec.json = JSON.parse(rec.text) as Record<string, unknown>;
      } catch {
        rec.json = undefined;
      }
      this.requests.push(rec);
      reply = resolve(this.chatQueue.shift() ?? this.chatDefault, rec);
    } else if (req.method === 'POST' && path === '/v1/audio/transcriptions') {
      const form = await new Request('http://stub/', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: raw,
      }).formData();
      const file = form.get('file');
      rec.form = {
        model: String(form.get('model') ?? ''),
        language: String(form.get('language') ?? ''),
        ...(file && typeof file !== 'string' ? { fileName: file.name, fileBytes: file.size } : {}),
      };
      this.requests.push(rec);
      reply = resolve(this.audioQueue.shift() ?? this.audioDefault, rec);
    } else {
      this.requests.push(rec);
      reply = { status: 404, body: { error: { message: `no route ${req.method} ${path}` } } };
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed || req.socket.destroyed) return;
    const headers = { 'content-type': 'application/json', ...reply.headers };
    res.writeHead(reply.status ?? 200, headers);
    res.end(reply.raw ?? JSON.stringify(reply.body ?? {}));
  }
}

function resolve(r: StubReply | Responder, req: RecordedRequest): StubReply {
  return typeof r === 'function' ? r(req) : r;
}

/** A chat completion whose message content is `content` (an object is sent as its JSON text). */
export function completion(content: unknown, o: { tokens?: number; finish?: string; refusal?: string } = {}): StubReply {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  const total = o.tokens ?? 120;
  return {
    body: {
      id: 'chatcmpl-stub',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'stub-model',
      choices: [
        {
          index: 0,
          finish_reason: o.finish ?? 'stop',
          message: { role: 'assistant', content: o.refusal ? null : text, refusal: o.refusal ?? null },
        },
      ],
      usage: { prompt_tokens: total - 20, completion_tokens: 20, total_tokens: total },
    },
  };
}

/** The same answer given as a forced function call (responseFormat: 'tool'). */
export function toolCompletion(name: string, args: unknown, tokens = 120): StubReply {
  return {
    body: {
      id: 'chatcmpl-stub',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'stub-model',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            refusal: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: JSON.stringify(args) } }],
          },
        },
      ],
      usage: { prompt_tokens: tokens - 20, completion_tokens: 20, total_tokens: tokens },
    },
  };
}

/** The form-filling answer a model gives: every field key present, null where it found nothing. */
export function filled(
  keys: readonly string[],
  fields: Record<string, string | null>,
  unsure: string[] = [],
): { fields: Record<string, string | null>; unsure: string[] } {
  return { fields: Object.fromEntries(keys.map((k) => [k, fields[k] ?? null])), unsure };
}

/** The text the user sent, as the model saw it (between the prompt's markers). */
export function userTextOf(req: RecordedRequest): string {
  const msgs = (req.json?.messages ?? []) as { role: string; content: string }[];
  const u = msgs.find((m) => m.role === 'user')?.content ?? '';
  return u.replace(/^<message>\n/, '').replace(/\n<\/message>$/, '');
}
