import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Attachment bytes (photos, exhibition JPGs) kept as files under the data dir, named by their
 * sha256, outside Redis: a record keeps only the reference, so Redis memory holds text while
 * 2 MB originals live on disk next to the embedded Redis' own files. Writes go to a temp name and
 * are renamed, so a crash never leaves half a file under a real name.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  async put(bytes: Buffer): Promise<string> {
    const id = createHash('sha256').update(bytes).digest('hex');
    const file = this.path(id);
    const existing = await stat(file).catch(() => undefined);
    if (existing?.size === bytes.length) return id;
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    return id;
  }

  async get(id: string): Promise<Buffer> {
    return readFile(this.path(id));
  }

  path(id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new Error(`bad blob id ${id}`);
    return path.join(this.dir, id.slice(0, 2), id);
  }
}
