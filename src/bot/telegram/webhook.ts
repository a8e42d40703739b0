import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../log/logger.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const MAX_BODY = 1024 * 1024;

export interface WebhookOptions {
  port: number;
  /** All interfaces unless set (a reverse proxy usually sits in front). */
  host?: string;
  /** The path of TELEGRAM_WEBHOOK_URL; other paths get 404. */
  path: string;
  secret: string;
  handle(u: Update): Promise<void>;
  logger: Logger;
}

/** The chat an update belongs to, so updates of one chat are handled one after another. */
function chatOf(u: Update): string {
  if ('message' in u) return String(u.message.chat.id);
  if ('callback_query' in u) return String(u.callback_query.message?.chat.id ?? u.callback_query.from.id);
  if ('my_chat_member' in u) return String(u.my_chat_member.chat.id);
  return '';
}

function sameSecret(got: string | string[] | undefined, want: string): boolean {
  if (typeof got !== 'string') return false;
  const a = Buffer.from(got);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Webhook mode: Telegram POSTs each update here with the secret we gave setWebhook in a header;
 * anything without it is refused before it is read. The answer is 200 only once the update is
 * durably queued, and 500 otherwise, which makes Telegram deliver it again (at least once).
 * Telegram may use several connections at once, so updates are chained per chat to keep order.
 */
export async function startWebhookServer(o: WebhookOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const chains = new Map<string, Promise<unknown>>();
  const inOrder = (chat: string, work: () => Promise<void>): Promise<void> => {
    const prev = chains.get(chat) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(work);
    chains.set(chat, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (chains.get(chat) === next) chains.delete(chat);
      });
    return next;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method !== 'POST' || path !== o.path) return void res.writeHead(404).end();
      if (!sameSecret(req.headers[SECRET_HEADER], o.secret)) {
        o.logger.warn({ from: req.socket.remoteAddress }, 'telegram webhook: request without the right secret token refused');
        return void res.writeHead(401).end();
      }
      const body = await readBody(req);
      if (body === undefined) return void res.writeHead(413).end();
      let update: Update;
      try {
        update = JSON.parse(body) as Update;
      } catch {
        return void res.writeHead(400).end();
      }
      try {
        await inOrder(chatOf(update), () => o.handle(update));
        res.writeHead(200).end();
      } catch (err) {
        o.logger.error({ err, update: update.update_id }, 'telegram webhook: update not handled; Telegram will resend it');
        res.writeHead(500).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
