import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { allCommands } from '../../src/bot/commands/index.js';
import { CommandRegistry } from '../../src/bot/commands/registry.js';
import { Dispatcher } from '../../src/bot/dispatcher.js';
import { loadConfig } from '../../src/config/load.js';
import { fixedClock, type Clock } from '../../src/core/clock.js';
import type { ChatRef, InboundEvent, OutboundAction, OutboundSink, ReplyTarget, UserRef } from '../../src/core/events.js';
import { FlowEngine } from '../../src/flows/engine.js';
import { allForms } from '../../src/flows/forms/index.js';
import { createLogger } from '../../src/log/logger.js';
import { ConversationStore } from '../../src/store/conversations.js';
import { createKeys } from '../../src/store/keys.js';
import { RecordRepository } from '../../src/store/records.js';
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
  dispatcher: Dispatcher;
  conversations: ConversationStore;
  records: RecordRepository;
  sink: CaptureSink;
  close(): Promise<void>;
}

/** A bot "process" on the suite's Redis under a given key prefix (random unless shared on purpose). */
export function makeHarness(opts: { prefix?: string; clock?: Clock; lockTtlMs?: number } = {}): Harness {
  const prefix = opts.prefix ?? `test-${randomUUID()}:`;
  const redis = connectRedis(inject('redisUrl'));
  const keys = createKeys(prefix);
  const conversations = new ConversationStore(redis, keys, { lockTtlMs: opts.lockTtlMs ?? 5000, stateTtlSec: 3600, seenTtlSec: 3600 });
  const records = new RecordRepository(redis, keys, allForms);
  const engine = new FlowEngine({ forms: allForms, timezone: 'Asia/Shanghai' });
  const dispatcher = new Dispatcher({
    engine, conversations, records, clock: opts.clock ?? fixedClock(TODAY), logger: createLogger('silent'),
    config: loadConfig({}), commands: new CommandRegistry(allCommands),
  });
  const sink = new CaptureSink();
  for (const p of ['console', 'test']) dispatcher.registerSink(p, sink);
  return {
    redis, prefix, dispatcher, conversations, records, sink,
    async close() {
      await dispatcher.idle();
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
    platform: 'test', chat: GROUP, user: ALICE, messageId: `m${++seq}-${randomUUID()}`, text,
    attachments: [], addressed: true, sentAt: Date.now(), ...over,
  };
}

/** Sends messages one after another, each fully processed before the next, like a person typing. */
export async function say(h: Harness, texts: string[], over: Partial<InboundEvent> = {}): Promise<void> {
  for (const t of texts) {
    await h.dispatcher.handle(msg(t, over));
    await h.dispatcher.idle();
  }
}

export const LEDGER_RUN = ['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好', '确认'];
