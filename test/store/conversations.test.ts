import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { LEDGER_RUN, makeHarness, say, type Harness } from '../helpers/harness.js';

let h: Harness;
afterEach(async () => h?.close());

const record = (id: string) => ({
  form: 'ledger',
  id,
  score: 20261120,
  chatKey: 'test:g1',
  userKey: 'test:u1',
  chatTitle: '光东村帮扶群',
  json: JSON.stringify({ id }),
});

describe('ConversationStore on real Redis', () => {
  it('dedupes a redelivered message id', async () => {
    h = makeHarness();
    const c = h.conversations;
    expect((await c.claim('conv', 'chat', 'm1', '{"n":1}', 't1', false)).status).toBe('run');
    expect((await c.claim('conv', 'chat', 'm1', '{"n":1}', 't2', false)).status).toBe('duplicate');
  });

  it('queues messages behind the lock holder and hands them over in order on commit', async () => {
    h = makeHarness();
    const c = h.conversations;
    // The caller's own message heads the inbox: it is not sent back (message null means "yours").
    expect(await c.claim('conv', 'chat', 'm1', 'one', 'tA', false)).toEqual({ status: 'run', message: null, state: null });
    expect((await c.claim('conv', 'chat', 'm2', 'two', 'tB', false)).status).toBe('queued');
    expect((await c.claim('conv', 'chat', 'm3', 'three', 'tC', false)).status).toBe('queued');
    expect(await c.commit('conv', 'tA', '{"s":1}')).toEqual({ status: 'next', saved: 'none', message: 'two', state: '{"s":1}' });
    expect(await c.commit('conv', 'tA', '{"s":2}')).toEqual({ status: 'next', saved: 'none', message: 'three', state: '{"s":2}' });
    expect(await c.commit('conv', 'tA', null)).toEqual({ status: 'done', saved: 'none' });
    expect(await c.peekState('conv')).toBeNull();
    expect((await c.claim('conv', 'chat', 'm4', 'four', 'tD', false)).status).toBe('run');
  });

  it('ignores group chatter when the user has no open form, without marking it seen', async () => {
    h = makeHarness();
    const c = h.conversations;
    expect((await c.claim('conv', 'chat', 'm1', 'x', 't', true)).status).toBe('ignored');
    expect((await c.claim('conv', 'chat', 'm1', 'x', 't', false)).status).toBe('run');
  });

  it('saves a record once even when the same draft is committed twice', async () => {
    h = makeHarness();
    const c = h.conversations;
    await c.claim('conv', 'chat', 'm1', 'a', 't1', false);
    expect(await c.commit('conv', 't1', null, record('r1'))).toEqual({ status: 'done', saved: 'new' });
    await c.claim('conv', 'chat', 'm2', 'b', 't2', false);
    expect(await c.commit('conv', 't2', null, record('r1'))).toEqual({ status: 'done', saved: 'existed' });
    expect(await h.redis.zcard(`${h.prefix}idx:ledger:all`)).toBe(1);
    expect(await h.redis.zrange(`${h.prefix}idx:ledger:group:test:g1`, '0', '-1')).toEqual(['r1']);
    expect(await h.redis.hget(`${h.prefix}groups`, 'test:g1')).toBe('光东村帮扶群');
  });

  it('a holder whose lock expired cannot commit; the message is handed to the next claimer', async () => {
    h = makeHarness({ lockTtlMs: 500 });
    const c = h.conversations;
    await c.claim('conv', 'chat', 'm1', 'first', 'dead', false);
    const queued = await c.claim('conv', 'chat', 'm2', 'second', 'other', false);
    expect(queued.status).toBe('queued');
    await sleep(600);
    // The crashed holder never committed: 'first' is still at the head and is handled first.
    expect(await c.kick('conv', 'rescuer')).toEqual({ status: 'run', message: 'first', state: null });
    expect(await c.commit('conv', 'dead', '{"x":1}')).toEqual({ status: 'lost' });
    expect(await c.commit('conv', 'rescuer', '{"x":2}')).toEqual({ status: 'next', saved: 'none', message: 'second', state: '{"x":2}' });
  });

  it('costs two Redis round trips per message of a form: claim, then commit', async () => {
    h = makeHarness();
    await say(h, LEDGER_RUN.slice(0, 2)); // scripts loaded on the server, the draft open
    const sent: string[] = [];
    const send = h.redis.sendCommand.bind(h.redis);
    h.redis.sendCommand = ((...a: Parameters<typeof send>) => (sent.push(a[0].name), send(...a))) as typeof send;
    await say(h, LEDGER_RUN.slice(2, 6));
    expect(sent).toEqual(Array.from({ length: 4 }, () => ['evalsha', 'evalsha']).flat());
  });
});
