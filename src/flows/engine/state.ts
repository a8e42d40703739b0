import { z } from 'zod';

/**
 * A conversation's whole memory, stored as versioned JSON in Redis (never in process memory),
 * so any process can continue it after a crash. Bump STATE_VERSION when the shape changes;
 * an old state is then dropped with a polite restart instead of being misread.
 * v2: repeating groups (`sub`) and reopened records (`amend`). Optional fields added since (guesses,
 * cancelAsked, discardedAt) read as absent from a v2 state written before them, so no bump.
 */
export const STATE_VERSION = 2;

export const REVIEW = -1;

/** Where a repeating group's own little conversation is: its menu, or a row being typed. */
export const groupCursorSchema = z.object({
  mode: z.enum(['menu', 'row']),
  /** Row being changed, or -1 for a new row. */
  row: z.number().int(),
  /** Column being asked within the row. */
  col: z.number().int(),
  values: z.record(z.string(), z.unknown()),
});

export type GroupCursor = z.infer<typeof groupCursorSchema>;

export const conversationStateSchema = z.object({
  v: z.literal(STATE_VERSION),
  form: z.string(),
  draftId: z.string(),
  /** Index of the field being asked, or REVIEW. */
  cursor: z.number().int(),
  values: z.record(z.string(), z.unknown()),
  skipped: z.array(z.string()),
  /** Set by 修改 from the review: answer that one field, then go straight back to the review. */
  returnToReview: z.boolean(),
  startedAt: z.number(),
  /**
   * The group a draft counts for when it is being finished elsewhere (a busy group's form continued
   * in a private chat): the saved record is filed under this chat, not the private one.
   */
  origin: z.object({ chatId: z.string(), chatTitle: z.string() }).optional(),
  /** Set while the cursor is on a repeating group. */
  sub: groupCursorSchema.optional(),
  /** A stored record reopened by its author: its revision when reopened (saved only if unchanged since). */
  amend: z.object({ rev: z.number().int().min(1) }).optional(),
  /**
   * Values a reader (the model or the rules) guessed from free text, by field key: shown with the
   * question, stored only when the user agrees (对/是/好…) or typed over by the real answer.
   */
  guesses: z.record(z.string(), z.unknown()).optional(),
  /** 取消 was said on a long draft and 确定放弃已填的 N 项？ asked: the next message decides. */
  cancelAsked: z.literal(true).optional(),
  /**
   * When 取消 threw this draft away. The draft is kept only so 恢复 can bring it back while the
   * conversation lives; until then no form is open (see `openDraft`).
   */
  discardedAt: z.number().optional(),
});

export type ConversationState = z.infer<typeof conversationStateSchema>;

/**
 * The draft a person is filling, or null: a draft 取消 threw away (kept for 恢复) is no open form,
 * so commands, free text and group chatter treat the conversation as idle.
 */
export function openDraft(state: ConversationState | null): ConversationState | null {
  return state && state.discardedAt === undefined ? state : null;
}

/** True for a conversation that holds only a draft 取消 threw away. */
export const onlyDiscarded = (state: ConversationState | null): boolean => state !== null && state.discardedAt !== undefined;

export function parseState(json: string | null): ConversationState | null | 'stale' {
  if (json === null) return null;
  try {
    const r = conversationStateSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : 'stale';
  } catch {
    return 'stale';
  }
}
