import { BangfuError } from '../core/errors.js';

/** A mistake in the command line, shown to the user as its message alone. */
export class UsageError extends BangfuError {
  override name = 'UsageError';

  constructor(message: string) {
    super('cli.usage', message);
  }
}
