import { describe, expect, it } from 'vitest';
import { PermanentSendError } from '../../src/bot/groupchat/sender.js';
import { OneBotError } from '../../src/bot/qq/onebot.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { ConfigError } from '../../src/config/load.js';
import { BangfuError } from '../../src/core/errors.js';
import { EmbeddedRedisError } from '../../src/store/embedded-redis.js';

describe('one base for bangfu’s own errors', () => {
  it.each([
    [
      new ConfigError(['redis.url: 必填'], 'config/bangfu.yaml'),
      ConfigError,
      'ConfigError',
      'config.invalid',
      '配置有误（config/bangfu.yaml）：\n  - redis.url: 必填',
    ],
    [new UsageError('没有表单 x'), UsageError, 'UsageError', 'cli.usage', '没有表单 x'],
    [new PermanentSendError('group dissolved'), PermanentSendError, 'PermanentSendError', 'send.permanent', 'group dissolved'],
    [
      new OneBotError('send_group_msg', 1200, 'muted'),
      OneBotError,
      'OneBotError',
      'onebot.refused',
      'OneBot send_group_msg failed (retcode 1200): muted',
    ],
    [new EmbeddedRedisError('找不到 redis-server'), EmbeddedRedisError, 'EmbeddedRedisError', 'redis.embedded', '找不到 redis-server'],
  ])('%s', (err, cls, name, code, message) => {
    expect(err).toBeInstanceOf(cls);
    expect(err).toBeInstanceOf(BangfuError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(name);
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
  });
});
