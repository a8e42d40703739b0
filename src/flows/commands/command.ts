import type { FlowSettings } from '../settings.js';
import type { InboundEvent, OutboundAction, ReplyTarget } from '../../core/events.js';
import type { ConversationState } from '../engine/state.js';
import type { RecordRepository } from '../../store/records.js';

/** What a chat command may use: the message that invoked it, its arguments, and the stores. */
export interface CommandContext {
  ev: InboundEvent;
  args: string;
  now: Date;
  config: FlowSettings;
  records: RecordRepository;
  /** The user's open draft, if any (a command never changes it; 修改记录 refuses while one is open). */
  state?: ConversationState | null;
}

/**
 * What a command may ask for besides replies: a stored record reopened as the user's draft
 * (修改记录), messages to other people (the filer of an approved or returned 项目书), and replies
 * that may show personal numbers in full (a coordinator in a private chat).
 */
export interface CommandOutcome {
  replies: OutboundAction[];
  reopen?: { form: string; id: string; values: Record<string, unknown>; rev: number; origin: { chatId: string; chatTitle: string } };
  notify?: { target: ReplyTarget; actions: OutboundAction[] }[];
  unmasked?: boolean;
}

/**
 * A chat command that answers a question instead of filling a form (/export, /progress, /missing…):
 * the one contract every command has, each built in its own file by a factory that takes the
 * repositories and services it uses (index.ts lists them). Commands run inside the conversation's
 * turn (after the claim, before the commit), so they keep the conversation's order and never change
 * its draft. Every platform gets them for free.
 */
export interface ChatCommand {
  name: string;
  /** Words that invoke it, e.g. ['/export', '导出']; matched as the first word of the message. */
  words: readonly string[];
  description: string;
  run(ctx: CommandContext): Promise<OutboundAction[] | CommandOutcome>;
}
