import { PassThrough } from 'node:stream';
import { chatKey } from '../../core/ids.js';
import { writeExport, type ExportFormat } from '../../export/write.js';
import { ledgerForm } from '../../flows/forms/ledger.js';
import { commandText } from '../../text/commands.js';
import type { ChatCommand } from './command.js';

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/**
 * /export in a group: that group's ledger as a file in the chat. Who may export is decided by the
 * roles issue; until then any member of the group can, and only that group's records are sent.
 */
export const exportCommand: ChatCommand = {
  name: 'export',
  words: ['/export', '导出'],
  description: commandText.export.description,
  async run({ ev, args, config, records }) {
    const format = (args.trim().toLowerCase() || 'xlsx') as ExportFormat;
    if (format !== 'xlsx' && format !== 'csv') return [{ kind: 'text', text: commandText.export.badFormat }];
    const query = { form: ledgerForm.id, chatKey: chatKey(ev.platform, ev.chat.id) };
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const n = await writeExport({ form: ledgerForm, format, timezone: config.timezone, records: records.scan(query), out });
    out.end();
    if (n === 0) return [{ kind: 'text', text: commandText.export.empty(ledgerForm.title) }];
    const day = new Date().toISOString().slice(0, 10);
    return [{
      kind: 'file',
      fileName: `${ledgerForm.title}-${ev.chat.title ?? ev.chat.id}-${day}.${format}`,
      mime: MIME[format],
      data: Buffer.concat(chunks),
      caption: commandText.export.caption(ledgerForm.title, ev.chat.title ?? '', n),
    }];
  },
};
