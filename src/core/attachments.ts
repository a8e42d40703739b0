import type { Attachment } from './events.js';

/**
 * How a platform hands over the bytes of an attachment it decoded (Telegram getFile, a wechaty
 * FileBox, a local path on the console). Each adapter registers one with the dispatcher
 * (`dispatcher.registerFetcher(platform, fetcher)`); without one, attachments are not read.
 */
export interface AttachmentFetcher {
  fetch(attachment: Attachment): Promise<Buffer>;
}
