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
