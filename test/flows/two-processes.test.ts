import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { InboundEvent } from '../../src/core/events.js';
import { Child } from '../helpers/child.js';
import { makeHarness, msg, type Harness } from '../helpers/harness.js';

/** 50 messages: six full ledger entries with mistakes, back-steps and edits, then an open draft. */
function script(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    out.push(
      '台账',
      `11月${10 + i}日`,
      `第${i}村`,
      '其他',
      String((i % 5) + 1),
      '上一步',
      String((i % 5) + 1),
      `内容${i}`,
      `${20 + i}人`,
      '修改 2',
      `改${i}村`,
      `效果${i}`,
      '确认',
    );
  }
  return out.slice(0, 50);
}

const worker = path.resolve('test/helpers/worker.ts');
let children: Child[] = [];
let harness: Harness | undefined;
afterEach(async () => {
  for (const c of children) c.proc.kill('SIGKILL');
  children = [];
  await harness?.close();
});

async function records(h: Harness) {
  const out: unknown[] = [];
  for await (const r of h.records.scan({ form: 'ledger' })) out.push(r.values);
  return out;
}

describe('one conversation across two bot processes', () => {
  it('50 messages alternating between two processes give exactly the sequential outcome', async () => {
    const lines = script();
    expect(lines).toHaveLength(50);

    // Sequential reference: one process, each message finished before the next.
    const seq = makeHarness();
    for (const t of lines) {
      await seq.dispatcher.handle(msg(t));
      await seq.dispatcher.idle();
    }
    const expected = await records(seq);
    const expectedState = JSON.parse((await seq.conversations.peekState('test:g1:u-alice')) ?? 'null') as { values: unknown };
    await seq.close();

    harness = makeHarness();
    const env = { ...process.env };
    children = [0, 1].map(() => new Child(process.execPath, ['--import', 'tsx', worker, inject('redisUrl'), harness!.prefix], env));
    // Each message is accepted by one process before the next is sent to the other; processing
    // itself overlaps freely, so whichever holds the lock drains what the other enqueued.
    for (let i = 0; i < lines.length; i++) {
      const ev: InboundEvent = msg(lines[i]!);
      const c = children[i % 2]!;
      c.send(JSON.stringify({ ev }));
      await c.next((l) => l.includes(`"ack":"${ev.messageId}"`), `ack ${i}`);
    }
    for (const c of children) {
      c.send(JSON.stringify({ idle: true }));
      await c.next((l) => l.includes('"idle":true'), 'idle');
    }
    // Both processes answered messages (the work really was shared), and every message got replies.
    const repliesPerChild = children.map((c) => c.lines.filter((l) => l.startsWith('{"replies"')).length);
    expect(repliesPerChild.reduce((a, b) => a + b)).toBe(50);
    expect(Math.min(...repliesPerChild)).toBeGreaterThan(0);

    expect(await records(harness)).toEqual(expected);
    expect(expected).toHaveLength(3);
    const state = JSON.parse((await harness.conversations.peekState('test:g1:u-alice')) ?? 'null') as { values: unknown };
    expect(state.values).toEqual(expectedState.values);
  }, 60_000);
});
