import { BangfuError } from './errors.js';

/**
 * A config problem a coordinator can fix: the field path and the reason, one per line. Here rather
 * than in src/config so the platforms, whose environment settings raise it too, need not import
 * the config loader (which imports their sections).
 */
export class ConfigError extends BangfuError {
  constructor(
    public readonly problems: string[],
    public readonly file?: string,
  ) {
    super('config.invalid', `配置有误${file ? `（${file}）` : ''}：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
