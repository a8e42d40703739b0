import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChatKind, UserRef } from '../core/events.js';
import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';
import { toOutboxTake } from './status.js';

/** Where one outgoing message goes: a group (optionally @-addressing one member) or a private chat. */
export interface OutboxTarget {
  chatId: string;
  kind: ChatKind;
  /** In a group, the members this is for (the one it answers, people a reminder names): shown as @-mentions. */
  mentions?: UserRef[];
  /** Platform message id this answers, where the platform can quote it (QQ). */
  replyTo?: string;
}

/**
 * Files are written under the data dir and only their path travels through Redis: an export XLSX
 * can be megabytes, and base64 in Redis would cost memory and, with appendfsync always, disk writes.
 * The file is deleted once delivered. (Processes sharing one outbox must share the data dir.)
 */
export type OutboxBody = { kind: 'text'; text: string } | { kind: 'file'; path: string; fileName: string; mime: string };

export interface OutboxItem {
  id: string;
  /** Epoch ms when queued. */
  at: number;
  target: OutboxTarget;
  body: OutboxBody;
}

export type TakeResult = { status: 'item'; raw: string; item: OutboxItem } | { status: 'empty' } | { status: 'held'; retryInMs: number };

/**
 * The paced outbox of one sending account, kept in Redis as a reliable list queue: LPUSH in,
 * RPOPLPUSH into a one-message `sending` list, LREM when delivered. We chose a list over a stream
 * with a consumer group because one sender per account (the lease) delivers strictly in order, so
 * the only thing to survive is "the one message in flight when the process died", which `sending`
 * holds; lists also work on any Redis a coordinator may have (RPOPLPUSH, not LMOVE/XAUTOCLAIM).
 */
export class Outbox {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
    readonly account: string,
    private readonly filesDir: string,
  ) {}

  /** Queues messages in order as one atomic push, so a batch is never interleaved with another. */
  async enqueue(messages: { target: OutboxTarget; body: OutboxBody }[]): Promise<OutboxItem[]> {
    if (!messages.length) return [];
    const now = Date.now();
    const items = messages.map((m): OutboxItem => ({ id: randomUUID(), at: now, ...m }));
    await this.redis.lpush(this.keys.outboxQueue(this.account), ...items.map((i) => JSON.stringify(i)));
    for (const l of this.listeners) l();
    return items;
  }

  /** Writes an outgoing file under the data dir; the returned path goes into the queued message. */
  async saveFile(fileName: string, data: Buffer): Promise<string> {
    const dir = path.join(this.filesDir, randomUUID());
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, path.basename(fileName) || 'file');
    await writeFile(file, data);
    return file;
  }

  /** Renews this sender's lease and returns the next message (a crashed sender's first). */
  async take(token: string, leaseMs: number): Promise<TakeResult> {
    const k = this.keys;
    const a = this.account;
    const r = toOutboxTake(await this.redis.bangfuOutboxTake(k.outboxQueue(a), k.outboxSending(a), k.outboxLease(a), token, leaseMs));
    return r.status === 'item' ? { ...r, item: JSON.parse(r.raw) as OutboxItem } : r;
  }

  /** Marks a message delivered. */
  async ack(raw: string, item: OutboxItem): Promise<void> {
    await this.redis.lrem(this.keys.outboxSending(this.account), 1, raw);
    await this.dropFile(item);
  }

  /** Gives up on a message: kept in the dead-letter list (the newest `keep`) for the coordinator. */
  async bury(raw: string, item: OutboxItem, keep = 200): Promise<void> {
    await this.redis.bangfuOutboxBury(this.keys.outboxSending(this.account), this.keys.outboxDead(this.account), raw, keep);
    await this.dropFile(item);
  }

  async release(token: string): Promise<void> {
    await this.redis.bangfuOutboxRelease(this.keys.outboxLease(this.account), token);
  }

  /** Messages not yet delivered (waiting + in flight). */
  async pending(): Promise<number> {
    const [q, s] = await Promise.all([
      this.redis.llen(this.keys.outboxQueue(this.account)),
      this.redis.llen(this.keys.outboxSending(this.account)),
    ]);
    return q + s;
  }

  async dead(): Promise<OutboxItem[]> {
    const raws = await this.redis.lrange(this.keys.outboxDead(this.account), 0, -1);
    return raws.map((r) => JSON.parse(r) as OutboxItem);
  }

  /** Called after each local enqueue, so an idle sender in this process starts at once. */
  onEnqueue(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async dropFile(item: OutboxItem): Promise<void> {
    if (item.body.kind !== 'file') return;
    // Only files we wrote (under filesDir) are ours to delete.
    const rel = path.relative(this.filesDir, item.body.path);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return;
    await rm(path.dirname(item.body.path), { recursive: true, force: true });
  }
}
