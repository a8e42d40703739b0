/**
 * The one table of media types: the documents the bot sends (by format) and the files it reads
 * (by extension, for the console, whose attachments are local paths). What a received file really
 * is comes from its bytes (sniff.ts), never from this table.
 */
export type MimeFormat = 'csv' | 'xlsx' | 'docx' | 'zip' | 'pdf' | 'jpeg' | 'png' | 'gif' | 'webp';

export const MIME: Readonly<Record<MimeFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** What a file of unknown type is sent as. */
export const UNKNOWN_MIME = 'application/octet-stream';

const BY_EXTENSION: Readonly<Record<string, MimeFormat>> = {
  csv: 'csv',
  xlsx: 'xlsx',
  docx: 'docx',
  zip: 'zip',
  pdf: 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
};

/** By a file's name or path and its extension ("IMG_0001.JPG", "/tmp/a.xlsx"); UNKNOWN_MIME for any other. */
export function mimeOfFile(name: string): string {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const format = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
  return format ? MIME[format] : UNKNOWN_MIME;
}
