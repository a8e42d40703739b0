import { ZipArchive } from 'archiver';
import { createReadStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';

/** One file of a ZIP: bytes in memory, or a file on disk (exhibition originals stay on disk). */
export type ZipEntry = { name: string; data: Buffer | string } | { name: string; path: string };

/** Writes a ZIP of `entries` to `out` (UTF-8 names, so 中文 file names open right in Windows 10+). */
export async function writeZip(entries: readonly ZipEntry[], out: Writable): Promise<void> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const done = new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolve);
  });
  zip.pipe(out);
  for (const e of entries) {
    // JPEGs are already compressed: stored as they are, which is faster and keeps them byte-identical.
    if ('path' in e) zip.append(createReadStream(e.path), { name: e.name, store: /\.jpe?g$/i.test(e.name) });
    else zip.append(e.data, { name: e.name });
  }
  await zip.finalize();
  await done;
}

export async function zipBuffer(entries: readonly ZipEntry[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeZip(entries, sink);
  return Buffer.concat(chunks);
}
