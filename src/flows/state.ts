import { z } from 'zod';

/**
 * A conversation's whole memory, stored as versioned JSON in Redis (never in process memory),
 * so any process can continue it after a crash. Bump STATE_VERSION when the shape changes;
 * an old state is then dropped with a polite restart instead of being misread.
 */
export const STATE_VERSION = 1;

export const REVIEW = -1;

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
