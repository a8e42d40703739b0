/**
 * Every error bangfu raises on purpose is a BangfuError with a code, so a caller (the CLI's exit,
 * a log query) can tell them apart without string matching; each subclass keeps its own name and
 * instanceof check. Errors from libraries and Node stay what they are.
 */
export type BangfuErrorCode =
  /** The configuration file or environment is wrong (config/load.ts ConfigError). */
  | 'config.invalid'
  /** A mistake on the command line (cli/usage-error.ts UsageError). */
  | 'cli.usage'
  /** A WeChat/QQ delivery that can never succeed (bot/groupchat/sender.ts PermanentSendError). */
  | 'send.permanent'
  /** The OneBot implementation refused an action (bot/qq/onebot.ts OneBotError). */
  | 'onebot.refused'
  /** The embedded redis-server cannot run (store/embedded-redis.ts EmbeddedRedisError). */
  | 'redis.embedded';

export class BangfuError extends Error {
  constructor(
    readonly code: BangfuErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'BangfuError';
  }
}
