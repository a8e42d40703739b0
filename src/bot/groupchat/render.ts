import type { OutboundAction, UserRef } from '../../core/events.js';
import { splitMessage } from '../../core/split.js';
import { groupchatText } from '../../text/groupchat.js';

export type RenderedPart =
  { kind: 'text'; text: string; mentions: UserRef[] } | { kind: 'file'; fileName: string; mime: string; data: Buffer };

/** WeChat and QQ cut or refuse very long messages; a review of a long form is split at line ends. */
export const MAX_TEXT = 1500;

function actionText(a: Exclude<OutboundAction, { kind: 'file' }>): string {
  // No buttons on WeChat/QQ: choices become a numbered list and people answer with the number.
  if (a.kind === 'choices') return [a.text, ...a.choices.map((c, i) => `${i + 1}. ${c.label}`)].join('\n');
  return a.text;
}

/**
 * One engine step's replies as chat messages: consecutive texts become one message (fewer messages,
 * fewer pauses, less risk of rate limits), a file's caption goes in the text before it.
 */
export function renderActions(actions: readonly OutboundAction[]): RenderedPart[] {
  const out: RenderedPart[] = [];
  let texts: string[] = [];
  let mentions: UserRef[] = [];
  const flush = (): void => {
    // People named in merged texts are mentioned once, on the first part.
    if (texts.length)
      out.push(
        ...splitText(texts.join('\n')).map((text, i) => ({ kind: 'text' as const, text, mentions: i === 0 ? uniqueUsers(mentions) : [] })),
      );
    texts = [];
    mentions = [];
  };
  for (const a of actions) {
    if (a.kind === 'file') {
      if (a.caption) texts.push(a.caption);
      flush();
      out.push({ kind: 'file', fileName: a.fileName, mime: a.mime, data: a.data });
    } else {
      texts.push(actionText(a));
      if (a.kind === 'text' && a.mentions) mentions.push(...a.mentions);
    }
  }
  flush();
  return out;
}

/** Splits at line ends into parts of at most `max` characters (core/split.ts), each after the first marked （续）. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  return splitMessage(text, max).map((p, i) => (i === 0 ? p : `${groupchatText.continued}${p}`));
}

/** Each person once, in first-named order. */
export function uniqueUsers(users: readonly UserRef[]): UserRef[] {
  const seen = new Set<string>();
  return users.filter((u) => !seen.has(u.id) && seen.add(u.id));
}
