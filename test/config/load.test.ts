import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-config-'));
const file = (name: string, yaml: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, yaml);
  return p;
};
const problems = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env, dir);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('loadConfig', () => {
  it('runs on defaults with no file at all', () => {
    const c = loadConfig({}, dir);
    expect(c.redis.keyPrefix).toBe('bangfu:');
    expect(c.dataDir).toBe('./data');
    expect(c.redis.url).toBeUndefined();
    expect(c.conversation.ttlDays).toBe(7);
  });

  it('the shipped example is valid and equals the defaults', () => {
    const example = loadConfig({ BANGFU_CONFIG: path.resolve('config/bangfu.example.yaml') }, dir);
    expect(example.timezone).toBe('Asia/Shanghai');
    expect(example.conversation).toEqual(loadConfig({}, dir).conversation);
  });

  it('environment overrides the file: REDIS_URL, BANGFU_KEY_PREFIX, BANGFU_DATA_DIR', () => {
    const p = file('a.yaml', 'dataDir: /srv/file\nredis:\n  keyPrefix: "file:"\n');
    const c = loadConfig(
      { BANGFU_CONFIG: p, REDIS_URL: 'redis://10.0.0.5:6380/2', BANGFU_KEY_PREFIX: 'env:', BANGFU_DATA_DIR: '/srv/env' },
      dir,
    );
    expect(c.redis.url).toBe('redis://10.0.0.5:6380/2');
    expect(c.redis.keyPrefix).toBe('env:');
    expect(c.dataDir).toBe('/srv/env');
  });

  it('TELEGRAM_BOT_TOKEN alone turns Telegram on; an explicit enabled: false in the file wins', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:x' }, dir).platforms.telegram.enabled).toBe(true);
    const off = file('tg-off.yaml', 'platforms:\n  telegram:\n    enabled: false\n');
    expect(loadConfig({ BANGFU_CONFIG: off, TELEGRAM_BOT_TOKEN: '1:x' }, dir).platforms.telegram.enabled).toBe(false);
  });

  it('a bad value is reported with its field path and a Chinese reason', () => {
    const p = file('bad.yaml', 'conversation:\n  ttlDays: -1\nlog:\n  level: loud\n');
    const out = problems({ BANGFU_CONFIG: p });
    expect(out).toHaveLength(2);
    expect(out.find((x) => x.startsWith('conversation.ttlDays:'))).toMatch(/过小/);
    expect(out.find((x) => x.startsWith('log.level:'))).toMatch(/无效选项/);
  });

  it('an unknown key is an error, so a typo does not silently fall back to a default', () => {
    expect(problems({ BANGFU_CONFIG: file('typo.yaml', 'conversaton:\n  ttlDays: 3\n') })[0]).toContain('conversaton');
  });

  it('secrets in the file are refused: the Redis URL comes only from REDIS_URL', () => {
    expect(problems({ BANGFU_CONFIG: file('secret.yaml', 'redis:\n  url: redis://:pw@host:6379\n') })[0]).toContain('REDIS_URL');
  });

  it('broken YAML and a missing file say so', () => {
    expect(problems({ BANGFU_CONFIG: file('broken.yaml', 'a: [1,\n') })[0]).toContain('YAML');
    expect(problems({ BANGFU_CONFIG: path.join(dir, 'nope.yaml') })[0]).toContain('找不到配置文件');
  });
});
