import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assemble, type Bot } from '../../src/app.js';
import type { Dispatcher } from '../../src/flows/dispatcher.js';
import { configSchema, type Config } from '../../src/config/schema.js';
import { fixedClock, type Clock } from '../../src/core/clock.js';
import type { ChatRef, InboundEvent, OutboundAction, OutboundSink, ReplyTarget, UserRef } from '../../src/core/events.js';
import { createLogger } from '../../src/log/logger.js';
import type { ConversationStore } from '../../src/store/conversations.js';
import type { RecordRepository } from '../../src/store/records.js';
import { connectRedis, type BangfuRedis } from '../../src/store/redis.js';

export const TODAY = '2026-11-23T10:00:00+08:00';

/** Records what the bot said, per chat and user, like a chat transcript. */
export class CaptureSink implements OutboundSink {
  readonly sent: { target: ReplyTarget; action: OutboundAction }[] = [];
  async send(target: ReplyTarget, actions: OutboundAction[]): Promise<void> {
    for (const action of actions) this.sent.push({ target, action });
  }
  texts(userId?: string): string[] {
    return this.sent
      .filter((s) => !userId || s.target.user?.id === userId)
      .map((s) => (s.action.kind === 'file' ? `[file ${s.action.fileName}]` : s.action.text));
  }
  last(userId?: string): string {
    return this.texts(userId).at(-1) ?? '';
  }
  clear(): void {
    this.sent.length = 0;
  }
}

export interface Harness {
  redis: BangfuRedis;
  prefix: string;
  bot: Bot;
  dispatcher: Dispatcher;
  conversations: ConversationStore;
  records: RecordRepository;
  sink: CaptureSink;
  config: Config;
  /** Config deadlines and grants are in Redis. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  prefix?: string;
  clock?: Clock;
  lockTtlMs?: number;
  /** Config as a deployment writes it (roles, quotas…), on top of the defaults. */
  config?: Record<string, unknown>;
  /** OPENAI_* for the free-text path; none by default, so a developer's own key never leaks in. */
  env?: NodeJS.ProcessEnv;
  blobDir?: string;
}

/**
 * A bot "process" on the suite's Redis under a key prefix (random unless shared on purpose), wired
 * by the same assemble() as `bangfu start`, replies captured like a chat transcript.
 */
export function makeHarness(opts: HarnessOptions = {}): Harness {
  const prefix = opts.prefix ?? `test-${randomUUID()}:`;
  const base = opts.config ?? {};
  const conversation = {
    ...((base.conversation as Record<string, unknown> | undefined) ?? {}),
    ...(opts.lockTtlMs ? { lockTtlMs: opts.lockTtlMs } : {}),
  };
  const config = configSchema.parse({ ...base, conversation, redis: { keyPrefix: prefix } });
  const redis = connectRedis(inject('redisUrl'));
  const bot = assemble(config, redis, createLogger('silent'), {
    clock: opts.clock ?? fixedClock(TODAY),
    env: opts.env ?? {},
    blobDir: opts.blobDir ?? path.join(tmpdir(), `bangfu-blobs-${randomUUID()}`),
  });
  const sink = new CaptureSink();
  for (const p of ['console', 'test']) bot.dispatcher.registerSink(p, sink);
  return {
    redis,
    prefix,
    bot,
    config,
    sink,
    ready: bot.ready,
    dispatcher: bot.dispatcher,
    conversations: bot.conversations,
    records: bot.records,
    async close() {
      await bot.ready.catch(() => undefined);
      await bot.dispatcher.idle();
      const stale = await redis.keys(`${prefix}*`);
      if (stale.length) await redis.del(...stale);
      await redis.quit();
    },
  };
}

export const GROUP: ChatRef = { id: 'g1', kind: 'group', title: '光东村帮扶群' };
export const ALICE: UserRef = { id: 'u-alice', name: '李明' };
export const BOB: UserRef = { id: 'u-bob', name: '王芳' };

let seq = 0;
export function msg(text: string, over: Partial<InboundEvent> = {}): InboundEvent {
  return {
    platform: 'test',
    chat: GROUP,
    user: ALICE,
    messageId: `m${++seq}-${randomUUID()}`,
    text,
    attachments: [],
    addressed: true,
    sentAt: Date.now(),
    ...over,
  };
}

/** Sends messages one after another, each fully processed before the next, like a person typing. */
export async function say(h: Harness, texts: string[], over: Partial<InboundEvent> = {}): Promise<void> {
  await h.ready;
  for (const t of texts) {
    await h.dispatcher.handle(msg(t, over));
    await h.dispatcher.idle();
  }
}

export const LEDGER_RUN = ['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好', '确认'];
