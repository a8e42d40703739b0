import { attachmentField, choiceField, textField } from '../../engine/fields.js';
import { defineForm } from '../../engine/form.js';
import { exhibitFiles } from './files.js';
import { exhibitLayout } from './layout.js';
import { EXHIBIT_MIN_BYTES, EXHIBIT_THEMES } from './options.js';

// The themes and the size floor live in options.ts, which files.ts reads too without importing this spec.
export { EXHIBIT_MIN_BYTES, EXHIBIT_THEMES };

/**
 * 展览素材 — 000 二(三) / 001 三(三): "报送的展览图片，须为不小于 2M 的 JPG 格式原文件；对应图片编写
 * 展览注释；…图片命名应与展览注释的文件名称保持一致". One record per picture: the JPG (checked by its
 * bytes), and its caption, which may be sent with the file. The export names both files alike.
 */
export const exhibitForm = defineForm({
  id: 'exhibit',
  title: '展览素材',
  filedBy: 'group',
  triggers: ['展览', '展览素材', '/exhibit'],
  fields: [
    choiceField({ key: 'theme', label: '展览方面', prompt: '这张图片属于哪个方面？', choices: EXHIBIT_THEMES }),
    attachmentField({
      key: 'image',
      label: '展览图片',
      prompt: '请以「文件」方式发送不小于 2M 的 JPG 原图（可在同一条消息里附上注释）',
      rule: { kinds: ['image', 'file'], formats: ['jpeg'], minBytes: EXHIBIT_MIN_BYTES, captionTo: 'caption' },
    }),
    textField({
      key: 'caption',
      label: '展览注释',
      prompt: '这张图片的展览注释：什么时间、什么地点、谁、在做什么、成效如何',
      max: 500,
      min: 5,
    }),
  ],
  summary: (v) => String(v.caption).slice(0, 30),
  exports: { layout: exhibitLayout, files: exhibitFiles },
});
