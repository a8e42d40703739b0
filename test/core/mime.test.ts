import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIME, mimeOfFile, UNKNOWN_MIME } from '../../src/core/mime.js';

describe('media types', () => {
  it.each([
    ['photo.jpg', MIME.jpeg],
    ['IMG_0001.JPG', MIME.jpeg],
    ['/tmp/scan.jpeg', MIME.jpeg],
    ['chart.png', 'image/png'],
    ['推荐表.pdf', 'application/pdf'],
    ['台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['总结.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a.csv', 'text/csv'],
    ['notes.txt', UNKNOWN_MIME],
    ['/tmp/dir.png/file', UNKNOWN_MIME],
    ['png', UNKNOWN_MIME],
  ])('%s → %s', (name, mime) => expect(mimeOfFile(name)).toBe(mime));
});

describe('src/core', () => {
  it('imports nothing but src/core and Node built-ins', () => {
    const offenders: string[] = [];
    for (const f of readdirSync('src/core').filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(path.join('src/core', f), 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'|import\('([^']+)'\)/g)) {
        const spec = m[1] ?? m[2]!;
        if (!spec.startsWith('./') && !spec.startsWith('node:')) offenders.push(`${f}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
