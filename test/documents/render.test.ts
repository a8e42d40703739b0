import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport } from '../../src/documents/files.js';
import { allForms } from '../../src/flows/forms/registry.js';
import { RUNS, FILE } from '../fixtures/answers.js';
import { chat, makeFormsHarness, sendFile, type FormsHarness } from '../fixtures/forms-harness.js';
import { writeJpeg } from '../fixtures/jpeg.js';

const which = (cmd: string): string | undefined => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};
const soffice = which('soffice') ?? which('libreoffice');
const pdftoppm = which('pdftoppm');
const SKIP = 'LibreOffice (soffice/libreoffice) is not installed on this machine';
if (!soffice) console.warn(`render test skipped: ${SKIP}`);

/** Generated pictures of the first page, for a person to look at; git-ignored. */
const ARTIFACTS = path.resolve('test/.artifacts');

let h: FormsHarness;
beforeAll(async () => {
  if (!soffice) return;
  h = makeFormsHarness();
  for (const form of ['ledger', 'individual']) {
    for (const s of RUNS[form]!) {
      if (s === FILE) await sendFile(h, writeJpeg(path.join(h.dir, 'photo.jpg'), 30_000), '', { kind: 'image' });
      else await chat(h, [s]);
    }
  }
}, 60_000);
afterAll(async () => h?.close());

describe('rendering the exports as a person would open them', () => {
  it.skipIf(!soffice)(
    `LibreOffice opens one XLSX and one DOCX and renders them to PDF (skipped when ${SKIP})`,
    async () => {
      const deps = { records: h.records, forms: allForms, timezone: 'Asia/Shanghai', unit: '和龙市科协', now: new Date(), blobs: h.blobs };
      const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-render-'));
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const [what, format] of [
        ['ledger', 'xlsx'],
        ['individual', 'docx'],
      ] as const) {
        const file = await buildExport(what, format, {}, deps);
        const src = path.join(dir, `${what}.${format}`);
        writeFileSync(src, file.data);
        const r = spawnSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, src], { encoding: 'utf8', timeout: 120_000 });
        expect(r.status, r.stderr).toBe(0);
        expect(existsSync(path.join(dir, `${what}.pdf`))).toBe(true);
        if (pdftoppm) {
          spawnSync(pdftoppm, ['-png', '-f', '1', '-l', '1', '-r', '80', path.join(dir, `${what}.pdf`), path.join(ARTIFACTS, what)]);
          expect(readdirSync(ARTIFACTS).some((n) => n.startsWith(what) && n.endsWith('.png'))).toBe(true);
        }
      }
    },
    300_000,
  );
});
