import { createServer } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { probeRedis } from '../../src/store/health.js';

describe('Redis health probe (bangfu doctor)', () => {
  it('reaches the suite Redis and reads its AOF settings', async () => {
    // The suite runs redis-server with --appendonly no.
    const health = await probeRedis(inject('redisUrl'));
    expect(health).toEqual({ reachable: true, persistence: { appendonly: 'no', appendfsync: expect.any(String) } });
  });

  it('says why a Redis cannot be reached, without retrying', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const a = srv.address();
        srv.close(() => resolve(typeof a === 'object' && a ? a.port : 1));
      });
    });
    const health = await probeRedis(`redis://127.0.0.1:${port}`);
    expect(health.reachable).toBe(false);
    expect(!health.reachable && health.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
