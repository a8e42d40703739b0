import type { AttachmentFetcher } from '../core/attachments.js';
import type { InboundEvent } from '../core/events.js';
import { sniff } from '../core/sniff.js';
import type { Logger } from '../log/logger.js';
import type { BlobStore } from '../store/blobs.js';
import type { InboundAttachment } from './engine/form.js';

/**
 * Downloads, sniffs and stores a message's attachments for the form engine, which sees only blob
 * ids and what the bytes are. One that fails is left out, with a log line: the text still counts.
 */
export async function intakeAttachments(
  ev: InboundEvent,
  fetcher: AttachmentFetcher | undefined,
  blobs: BlobStore | undefined,
  logger: Logger,
): Promise<InboundAttachment[]> {
  if (!ev.attachments?.length || !fetcher || !blobs) return [];
  const out: InboundAttachment[] = [];
  for (const a of ev.attachments) {
    try {
      const bytes = await fetcher.fetch(a);
      const id = await blobs.put(bytes);
      const s = sniff(bytes);
      const ext = s.format === 'jpeg' ? 'jpg' : s.format;
      out.push({ id, kind: a.kind, fileName: a.fileName ?? `${id.slice(0, 8)}.${ext}`, mime: a.mime ?? '', size: bytes.length, ...s });
    } catch (error) {
      logger.warn({ err: error, platform: ev.platform, kind: a.kind }, 'attachment fetch failed');
    }
  }
  return out;
}
