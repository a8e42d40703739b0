import { PassThrough } from 'node:stream';
import { chatKey, userKey } from '../../core/ids.js';
import { MIME } from '../../core/mime.js';
import { writeExport, type ExportFormat } from '../../documents/stream.js';
import { ledgerForm } from '../forms/ledger/form.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';
import { commandText } from '../../text/commands.js';
import { progressText } from '../../text/progress.js';
import type { ChatCommand } from './command.js';

/**
 * /export in a group: that group's ledger as a file, for its team leader and the coordinators whose
 * scope covers it (roles/policy.ts). Any other member gets only their own entries, labelled so —
 * an expert sees their own data — or, with none, a refusal that says who may export the group's.
 */
export function exportCommand(roles: RoleLookup): ChatCommand {
  return {
  name: 'export',
  words: ['/export', '导出'],
  description: commandText.export.description,
  async run({ ev, args, config, records }) {
    const format = (args.trim().toLowerCase() || 'xlsx') as ExportFormat;
    if (format !== 'xlsx' && format !== 'csv') return [{ kind: 'text', text: commandText.export.badFormat }];
    const group = chatKey(ev.platform, ev.chat.id);
    const me = userKey(ev.platform, ev.user.id);
    const decision = await roles.authorize(me, 'export', group);
    // Someone without the right to the group's table still gets their own entries in it.
    const onlyMine = !decision.ok;
    const query = { form: ledgerForm.id, chatKey: group, ...(onlyMine ? { userKey: me } : {}) };
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const n = await writeExport({ form: ledgerForm, format, timezone: config.timezone, records: records.scan(query), out });
    out.end();
    if (n === 0 && onlyMine && !decision.ok) return [{ kind: 'text', text: `${progressText.denied[decision.reason](progressText.actions.export)}\n${commandText.export.noneOfYours}` }];
    if (n === 0) return [{ kind: 'text', text: commandText.export.empty(ledgerForm.title) }];
    const day = new Date().toISOString().slice(0, 10);
    return [{
      kind: 'file',
      fileName: `${ledgerForm.title}-${ev.chat.title ?? ev.chat.id}${onlyMine ? `-${ev.user.name}` : ''}-${day}.${format}`,
      mime: MIME[format],
      data: Buffer.concat(chunks),
      caption: onlyMine ? commandText.export.mineCaption(ledgerForm.title, n) : commandText.export.caption(ledgerForm.title, ev.chat.title ?? '', n),
    }];
  },
  };
}
