import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { createKeys } from '../../src/store/keys.js';
import { connectRedis } from '../../src/store/redis.js';
import { commandName, loadScripts, luaDir, splitFilename } from '../../src/store/scripts.js';
import { Applied, Saved, Status, toAdmit, toBind, toClaim, toMove, toOutboxTake, toSaveOutcome, toUpdate } from '../../src/store/status.js';

const redis = connectRedis(inject('redisUrl'));
const keys = createKeys(`test-${randomUUID()}:`);

afterEach(async () => {
  const stale = await redis.keys(`${keys.prefix}*`);
  if (stale.length) await redis.del(...stale);
});
afterAll(async () => {
  await redis.quit();
});

/** ioredis keeps each defineCommand'ed script here (not in its typings): name → lua and key count. */
const registered = (): Record<string, { lua: string; numberOfKeys: number }> =>
  (redis as unknown as { scriptsSet: Record<string, { lua: string; numberOfKeys: number }> }).scriptsSet;

describe('the script loader', () => {
  const files = readdirSync(new URL('../../src/store/lua/', import.meta.url)).sort();

  it('finds the scripts in src/store/lua, which holds .lua files only', () => {
    expect(luaDir()).toMatch(/src[\\/]store[\\/]lua[\\/]?$/);
    expect(files.length).toBeGreaterThanOrEqual(17);
    expect(files.filter((f) => !f.endsWith('.lua'))).toEqual([]);
  });

  it('registers every .lua file on connectRedis, as bangfu<Name>, with the key count from its name', () => {
    const set = registered();
    for (const file of files) {
      const [, name, n] = /^(\w+)-(\d+)\.lua$/.exec(file)!;
      const cmd = `bangfu${name![0]!.toUpperCase()}${name!.slice(1)}`;
      const lua = readFileSync(new URL(`../../src/store/lua/${file}`, import.meta.url), 'utf8');
      expect(set[cmd], file).toMatchObject({ numberOfKeys: Number(n), lua });
      expect(typeof (redis as unknown as Record<string, unknown>)[cmd], file).toBe('function');
    }
    expect(loadScripts().map((s) => s.file)).toEqual(files);
  });

  it('gives every script a typed signature, and types no command that has no script', () => {
    const source = readFileSync(new URL('../../src/store/scripts.ts', import.meta.url), 'utf8');
    const iface = source.slice(source.indexOf('export interface BangfuScripts'), source.indexOf('export interface ScriptDef'));
    const typed = [...iface.matchAll(/^ {2}(bangfu\w+)\(/gm)].map((m) => m[1]).sort();
    expect(typed).toEqual(files.map((f) => commandName(splitFilename(f).name)).sort());
  });

  it('opens every script with a header naming its KEYS, ARGV and replies', () => {
    for (const s of loadScripts()) {
      const header = /^--\[\[\n {2}(\w+) — [\s\S]*?\]\]\n/.exec(s.lua);
      expect(header?.[1], s.file).toBe(s.name);
      expect(header?.[0], s.file).toMatch(/KEYS: 1 /);
      expect(header?.[0], s.file).toMatch(/ARGV: 1 /);
      expect(header?.[0], s.file).toMatch(/Replies:/);
    }
  });

  it('refuses a file name without its key count', () => {
    expect(splitFilename('commitSave-8.lua')).toEqual({ name: 'commitSave', numberOfKeys: 8 });
    expect(() => splitFilename('commitSave.lua')).toThrow(/<name>-<number of keys>\.lua/);
    expect(() => splitFilename('claim-x.lua')).toThrow();
  });
});

describe('script replies through the status enum', () => {
  it('claim-4: run, duplicate, queued, ignored', async () => {
    const conv = 'test:g1:u1';
    const claim = (id: string, token: string, c = conv, requireState: 0 | 1 = 0) =>
      redis.bangfuClaim(
        keys.convInbox(c),
        keys.convLock(c),
        keys.convState(c),
        keys.seen('test:g1', id),
        `{"id":"${id}"}`,
        token,
        5000,
        60,
        requireState,
        60,
      );
    const first = await claim('m1', 'a');
    expect(first[0]).toBe(Status.Run);
    expect(toClaim(first)).toEqual({ status: 'run', message: null, state: null });
    expect(toClaim(await claim('m1', 'b'))).toEqual({ status: 'duplicate' });
    const queued = toClaim(await claim('m2', 'b'));
    expect(queued.status).toBe('queued');
    expect(queued.status === 'queued' && queued.retryInMs).toBeGreaterThan(0);
    expect(toClaim(await claim('m3', 'c', 'test:g1:u2', 1))).toEqual({ status: 'ignored' });
  });

  it('updateRecord-2: the saved codes mean gone, amended and conflict', async () => {
    const rec = keys.record('ledger', 'r1');
    const audit = keys.recordAudit('ledger', 'r1');
    expect(await redis.bangfuUpdateRecord(rec, audit, 1, '{"rev":2}', '{}')).toBe(Saved.Gone);
    await redis.set(rec, '{"v":1}');
    expect(toUpdate(await redis.bangfuUpdateRecord(rec, audit, 1, '{"rev":2}', '{}'))).toBe('updated');
    expect(toUpdate(await redis.bangfuUpdateRecord(rec, audit, 1, '{"rev":3}', '{}'))).toBe('conflict');
    expect([Saved.None, Saved.New, Saved.Existed, Saved.Gone, Saved.Conflict, Saved.Amended].map(toSaveOutcome)).toEqual([
      'none',
      'new',
      'existed',
      'gone',
      'conflict',
      'amended',
    ]);
  });

  it('move-2: moved, target busy, source changed', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => keys.convState(`test:g:${x}`)) as [string, string, string];
    await redis.set(a, 'A');
    await redis.set(c, 'C');
    expect(toMove(await redis.bangfuMove(a, c, 'A', 'A2', 60))).toBe('busy');
    expect(await redis.bangfuMove(a, b, 'A', 'A2', 60)).toBe(Applied.Yes);
    expect(toMove(await redis.bangfuMove(a, b, 'A', 'A2', 60))).toBe('none');
  });

  it('outboxTake-3 and bind-2: item, held, empty; bound, taken', async () => {
    const [q, s, l] = [keys.outboxQueue('acc'), keys.outboxSending('acc'), keys.outboxLease('acc')];
    await redis.lpush(q, '{"id":"1"}');
    expect(toOutboxTake(await redis.bangfuOutboxTake(q, s, l, 'me', 5000))).toEqual({ status: 'item', raw: '{"id":"1"}' });
    expect(toOutboxTake(await redis.bangfuOutboxTake(q, s, l, 'other', 5000))).toMatchObject({ status: 'held' });
    await redis.del(s);
    expect(toOutboxTake(await redis.bangfuOutboxTake(q, s, l, 'me', 5000))).toEqual({ status: 'empty' });

    const bind = (chat: string) => redis.bangfuBind(keys.groupBindings(), keys.groupBindingNames(), chat, 'wechat:A', '{"name":"A"}', '');
    expect(toBind(await bind('wechat:r1'))).toEqual({ status: 'bound', json: '{"name":"A"}' });
    expect(toBind(await bind('wechat:r2'))).toEqual({ status: 'taken', owner: 'wechat:r1' });
  });

  it('llmAdmit-3: ok until the user window is full', async () => {
    const [user, global, usage] = [keys.llmWindow('user:u', 1), keys.llmWindow('global', 1), keys.llmUsage('2026-11-23')];
    const admit = () => redis.bangfuLlmAdmit(user, global, usage, 1, 10, 0, 60_000);
    expect(toAdmit(await admit())).toEqual({ ok: true });
    expect(toAdmit(await admit())).toEqual({ ok: false, why: 'user' });
  });

  it('refuses a reply word no script sends', () => {
    expect(() => toClaim(['nope'])).toThrow(/unexpected claim reply/);
    expect(() => toBind(['nope'])).toThrow();
  });
});
