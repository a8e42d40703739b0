/** A mistake in the command line, shown to the user as its message alone. */
export class UsageError extends Error {
  override name = 'UsageError';
}
