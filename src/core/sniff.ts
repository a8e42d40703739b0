/**
 * What a file really is, by its bytes: a JPEG must start with SOI and carry a well-formed chain of
 * marker segments up to the scan, with a frame header giving its size; a file renamed to .jpg, a
 * truncated download or an HTML error page saved as a photo all fail here.
 */
export type SniffedFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'pdf' | 'other';

export interface Sniffed {
  format: SniffedFormat;
  width?: number;
  height?: number;
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function sniff(b: Buffer): Sniffed {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const jpeg = jpegSize(b);
    return jpeg ? { format: 'jpeg', ...jpeg } : { format: 'other' };
  }
  if (b.length >= 24 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  const head = b.subarray(0, 12).toString('latin1');
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return { format: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return { format: 'webp' };
  if (head.startsWith('%PDF-')) return { format: 'pdf' };
  return { format: 'other' };
}

function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let pos = 2;
  let size: { width: number; height: number } | undefined;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return undefined;
    let marker = b[pos + 1]!;
    // Fill bytes (0xFF runs) may precede a marker.
    while (marker === 0xff && pos + 2 < b.length) marker = b[++pos + 1]!;
    if (marker === 0xd9) return undefined; // end of image before any scan
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    const len = b.readUInt16BE(pos + 2);
    if (len < 2 || pos + 2 + len > b.length) return undefined;
    if (SOF.has(marker)) {
      if (len < 7) return undefined;
      size = { height: b.readUInt16BE(pos + 5), width: b.readUInt16BE(pos + 7) };
    }
    if (marker === 0xda) return size && size.width > 0 && size.height > 0 ? size : undefined;
    pos += 2 + len;
  }
  return undefined;
}
