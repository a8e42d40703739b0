import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/redis-server.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Spawned bots and two-process tests are CPU-heavy on a 2-core machine; keep the pool small.
    maxWorkers: 2,
  },
});
