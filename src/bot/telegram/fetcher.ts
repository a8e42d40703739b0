import type { Telegram } from 'telegraf';
import type { AttachmentFetcher } from '../../core/attachments.js';
import type { Attachment } from '../../core/events.js';

/** The Bot API lets bots download files of up to 20 MB (a local Bot API server allows more). */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * Downloads a photo or file a user sent, by the file_id the adapter put in `Attachment.ref`
 * (getFile, then the file URL under the same API root, so a local Bot API server works too).
 */
export class TelegramFetcher implements AttachmentFetcher {
  constructor(
    private readonly telegram: Telegram,
    private readonly limit = TELEGRAM_DOWNLOAD_LIMIT,
  ) {}

  async fetch(a: Attachment): Promise<Buffer> {
    if (a.size !== undefined && a.size > this.limit) throw new Error(`telegram file too large to download (${a.size} bytes)`);
    const url = await this.telegram.getFileLink(a.ref);
    const res = await fetch(url);
    // The URL holds the bot token: never put it in an error.
    if (!res.ok) throw new Error(`telegram file download failed: HTTP ${res.status}`);
    const data = Buffer.from(await res.arrayBuffer());
    if (data.length > this.limit) throw new Error(`telegram file too large (${data.length} bytes)`);
    return data;
  }
}
