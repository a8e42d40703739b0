import type { OutboundAction } from '../../core/events.js';

/** Plain-text rendering: choices become a numbered list, hints a short line of what one may type. */
export function renderAction(a: OutboundAction): string {
  switch (a.kind) {
    case 'text':
      return a.text;
    case 'choices':
      return `${a.text}\n${a.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n')}`;
    case 'file':
      return `[文件] ${a.fileName}${a.caption ? ` —— ${a.caption}` : ''}`;
  }
}
