import type { ExportForm } from '../../../documents/form-exports.js';
import { columnsOf, group, meta, seq, type Column, type ListLayout } from '../../../documents/layout.js';
import { exhibitBaseName } from './files.js';

/** 网上展览素材清单: each picture by the name it has in the ZIP, its caption and its original size. */
export function exhibitLayout(form: ExportForm): ListLayout {
  const c = columnsOf(form);
  const size = meta('原图大小（MB）', 12, (r) => (((r.values.image as { size?: number } | undefined)?.size ?? 0) / 1048576).toFixed(1));
  const picture: Column = { header: '图片文件名', width: 30, value: (r, n) => `${exhibitBaseName(r, n)}.jpg` };
  return { title: '科技助力精准扶贫网上展览素材清单', columns: [seq, c('theme', 20), picture, c('caption', 60), size, group] };
}
