import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ledgerForm } from '../../src/flows/forms/ledger/form.js';
import { LlmExtractor } from '../../src/flows/extract/extract.js';
import { LlmLimits } from '../../src/llm/limits.js';
import { fillableFields } from '../../src/flows/extract/prompt.js';
import { createKeys, type Keys } from '../../src/store/keys.js';
import { LlmLimitStore } from '../../src/store/llm-limits.js';
import { connectRedis, type BangfuRedis } from '../../src/store/redis.js';
import { OpenAIStub, completion, filled } from '../helpers/openai-stub.js';
import { CTX, stubService, testConfig } from '../helpers/llm-support.js';

let redis: BangfuRedis;
let keys: Keys;
let stub: OpenAIStub;
let now: Date;
const clock = (): Date => now;

beforeAll(async () => {
  stub = await OpenAIStub.start();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => {
  redis = connectRedis(inject('redisUrl'));
  keys = createKeys(`test-${randomUUID()}:`);
  now = new Date('2026-11-23T10:00:00+08:00');
  stub.reset();
});
afterEach(async () => {
  const stale = await redis.keys(`${keys.prefix}*`);
  if (stale.length) await redis.del(...stale);
  await redis.quit();
});

const limits = (over: { perUserPerMinute?: number; globalPerMinute?: number; dailyTokenBudget?: number } = {}): LlmLimits =>
  new LlmLimits(
    new LlmLimitStore(redis, keys),
    { perUserPerMinute: 100, globalPerMinute: 1000, dailyTokenBudget: 0, ...over },
    'Asia/Shanghai',
    clock,
  );

const A = { userKey: 'test:alice', chatKey: 'test:g1' };
const B = { userKey: 'test:bob', chatKey: 'test:g2' };

describe('rate limits and budget in Redis', () => {
  it('limits each user per minute, without limiting the others, and opens again the next minute', async () => {
    const l = limits({ perUserPerMinute: 2 });
    expect(await l.admit(A)).toEqual({ ok: true });
    expect(await l.admit(A)).toEqual({ ok: true });
    expect(await l.admit(A)).toEqual({ ok: false, why: 'user' });
    expect(await l.admit(B)).toEqual({ ok: true });
    now = new Date(now.getTime() + 60_000);
    expect(await l.admit(A)).toEqual({ ok: true });
  });

  it('limits the whole bot per minute', async () => {
    const l = limits({ globalPerMinute: 3 });
    for (const s of [A, B, A]) expect((await l.admit(s)).ok).toBe(true);
    expect(await l.admit(B)).toEqual({ ok: false, why: 'global' });
  });

  it('holds across processes: two limiter instances share the counts', async () => {
    const one = limits({ perUserPerMinute: 1 });
    const other = connectRedis(inject('redisUrl'));
    const two = new LlmLimits(
      new LlmLimitStore(other, keys),
      { perUserPerMinute: 1, globalPerMinute: 100, dailyTokenBudget: 0 },
      'Asia/Shanghai',
      clock,
    );
    expect((await one.admit(A)).ok).toBe(true);
    expect(await two.admit(A)).toEqual({ ok: false, why: 'user' });
    await other.quit();
  });

  it('stops at the daily token budget of the local day, and records usage per group', async () => {
    const l = limits({ dailyTokenBudget: 1000 });
    await l.record(A, 700);
    await l.record(B, 300);
    expect(await l.admit(A)).toEqual({ ok: false, why: 'budget' });
    const u = await l.usage();
    expect(u).toEqual({
      day: '2026-11-23',
      tokens: 1000,
      calls: 2,
      groups: { 'test:g1': { tokens: 700, calls: 1 }, 'test:g2': { tokens: 300, calls: 1 } },
    });
    // 00:30 in Shanghai on the 24th is still the 23rd in UTC: the budget follows the configured zone.
    now = new Date('2026-11-24T00:30:00+08:00');
    expect(await l.admit(A)).toEqual({ ok: true });
  });
});

describe('limits around the model path', () => {
  const GOOD = completion(
    filled(
      fillableFields(ledgerForm).map((f) => f.key),
      { date: '昨天', place: '光东村', activityForm: '技术培训', content: '水稻育秧', participants: '45人', effect: '大家挺满意的' },
    ),
    { tokens: 150 },
  );
  const TEXT = '昨天下午在光东村给45个农户讲了水稻育秧，大家挺满意的';

  it('falls back to the rules once a user is over the limit, without calling the endpoint', async () => {
    stub.chatDefault = () => GOOD;
    const cfg = testConfig({ perUserPerMinute: 2 });
    const ex = new LlmExtractor(stubService(stub, cfg, limits({ perUserPerMinute: 2 })), cfg);
    const got = [];
    for (let i = 0; i < 3; i++) got.push(await ex.extract(ledgerForm, TEXT, CTX));
    expect(got.map((x) => x.source)).toEqual(['llm', 'llm', 'rules']);
    expect(got[2]!.fallback).toBe('user');
    expect(got[2]!.values.place).toBe('光东村');
    expect(stub.chatRequests()).toHaveLength(2);
  });

  it('counts the tokens the endpoint reports against the budget and the group', async () => {
    stub.chatDefault = () => GOOD;
    const l = limits({ dailyTokenBudget: 200 });
    const ex = new LlmExtractor(stubService(stub, testConfig(), l), testConfig());
    const sources = [];
    for (let i = 0; i < 3; i++) sources.push((await ex.extract(ledgerForm, TEXT, CTX)).source);
    expect(sources).toEqual(['llm', 'llm', 'rules']);
    expect((await l.usage()).groups['test:g1']).toEqual({ tokens: 300, calls: 2 });
  });
});
