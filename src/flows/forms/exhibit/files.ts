import type { FormFiles } from '../../../documents/form-exports.js';
import { safeFileName, str } from '../../../documents/layout.js';
import type { ZipEntry } from '../../../documents/zip.js';
import type { StoredRecord } from '../../../store/records.js';
import { EXHIBIT_THEMES } from './options.js';

/**
 * The shared base name of an exhibition picture and its caption file ("图片命名应与展览注释的文件名称
 * 保持一致"): theme number, sequence, and the caption's first words.
 */
export function exhibitBaseName(rec: StoredRecord, n: number): string {
  const v = rec.values;
  const theme = EXHIBIT_THEMES.indexOf(str(v.theme) as (typeof EXHIBIT_THEMES)[number]) + 1;
  const words = Array.from(
    safeFileName(str(v.caption))
      .replace(/[，。、；！？,.;!?]/g, ' ')
      .trim(),
  )
    .slice(0, 20)
    .join('')
    .trim();
  return `${theme}-${String(n).padStart(2, '0')}-${words || rec.id.slice(0, 8)}`;
}

/**
 * Exhibition pictures and their captions under one base name each: 1-01-光东村水稻育秧现场.jpg beside
 * 1-01-光东村水稻育秧现场.txt. The originals are read from the attachment store as they are.
 */
export const exhibitFiles: FormFiles = {
  folder: '展览素材/',
  entries(recs, blobs, dir) {
    const out: ZipEntry[] = [];
    for (const [i, r] of recs.entries()) {
      const name = exhibitBaseName(r, i + 1);
      const image = r.values.image as { id: string } | undefined;
      if (image && blobs) out.push({ name: `${dir}${name}.jpg`, path: blobs.path(image.id) });
      out.push({ name: `${dir}${name}.txt`, data: `${String(r.values.caption ?? '')}\r\n` });
    }
    return out;
  },
};
