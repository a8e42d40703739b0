import type { Config } from '../../config/schema.js';
import type { InboundEvent, OutboundAction } from '../../core/events.js';
import type { RecordRepository } from '../../store/records.js';

/** What a chat command may use: the message that invoked it, its arguments, and the stores. */
export interface CommandContext {
  ev: InboundEvent;
  args: string;
  now: Date;
  config: Config;
  records: RecordRepository;
}

/**
 * A chat command that answers a question instead of filling a form (/export, /progress, /missing…).
 * Commands run inside the conversation's turn (after the claim, before the commit), so they keep
 * the conversation's order and never change its draft. Every platform gets them for free.
 */
export interface ChatCommand {
  name: string;
  /** Words that invoke it, e.g. ['/export', '导出']; matched as the first word of the message. */
  words: readonly string[];
  description: string;
  run(ctx: CommandContext): Promise<OutboundAction[]>;
}
