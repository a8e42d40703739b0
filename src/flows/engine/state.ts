import { z } from 'zod';

/**
 * A conversation's whole memory, stored as versioned JSON in Redis (never in process memory),
 * so any process can continue it after a crash. Bump STATE_VERSION when the shape changes;
 * an old state is then dropped with a polite restart instead of being misread.
 * v2: repeating groups (`sub`) and reopened records (`amend`).
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
});

export type ConversationState = z.infer<typeof conversationStateSchema>;

export function parseState(json: string | null): ConversationState | null | 'stale' {
  if (json === null) return null;
  try {
    const r = conversationStateSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : 'stale';
  } catch {
    return 'stale';
  }
}
