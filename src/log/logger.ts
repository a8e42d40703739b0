import { pino, type Logger } from 'pino';
import { maskPersonalData } from '../privacy/mask.js';

export type { Logger };

/** Walks a log object and masks personal numbers in every string, at any depth. */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: maskPersonalData(value.message), stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, depth + 1);
  return out;
}

/**
 * pino's own `redact` works on known paths only; personal numbers hide inside free text
 * (a ledger's 内容, an error message), so every string is scrubbed by pattern instead.
 * Logs go to stderr: stdout belongs to the console chat.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: 'bangfu' },
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>);
        },
      },
    },
    destination as pino.DestinationStream,
  );
}
