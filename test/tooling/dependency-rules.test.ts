import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve('.');
const cruiser = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/**
 * The layering rules of .dependency-cruiser.cjs, run against a small tree with planted violations: each
 * planted arrow must be reported by its rule, and the clean files must report nothing. `npm run lint`
 * runs the same rules over src/, so a rule that stopped matching would let real violations through.
 */
describe('dependency rules', () => {
  let dir: string;
  let violations: Violation[];

  const plant = (file: string, body: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), body);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bangfu-deps-'));
    // Packages laid out as npm lays them out in the project (node_modules/<name>/ under the tree), so the rules
    // see the same resolved paths as on src/ — a symlinked node_modules would resolve elsewhere and hide mistakes.
    for (const pkg of ['ioredis', 'telegraf']) {
      plant(`node_modules/${pkg}/package.json`, JSON.stringify({ name: pkg, version: '1.0.0', main: 'index.js' }));
      plant(`node_modules/${pkg}/index.js`, 'module.exports = {};\n');
    }
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
    );
    plant('src/flows/engine.ts', 'export const step = 1;\n');
    plant('src/store/bad.ts', "import { step } from '../flows/engine.js';\nexport const s = step;\n");
    plant('src/domain/redis.ts', "import { Redis } from 'ioredis';\nexport const R = Redis;\n");
    plant('src/flows/tg.ts', "import { Telegraf } from 'telegraf';\nexport const T = Telegraf;\n");
    plant('src/bot/telegram/bot.ts', "import { Telegraf } from 'telegraf';\nexport const T = Telegraf;\n");
    plant('src/core/a.ts', "import type { B } from './b.js';\nexport interface A { b?: B }\n");
    plant('src/core/b.ts', "import type { A } from './a.js';\nexport interface B { a?: A }\n");
    plant('src/text/zh.ts', "import type { A } from '../core/a.js';\nexport type T = A;\n");
    plant('src/bot/groupchat/doctor.ts', "import { q } from '../qq/doctor.js';\nexport const d = q;\n");
    plant('src/bot/qq/doctor.ts', 'export const q = 1;\n');
    plant('src/bot/qq/bot.ts', "import { step } from '../../flows/engine.js';\nexport const b = step;\n");
    plant('src/domain/fine.ts', "import { s } from '../store/bad.js';\nexport const f = s;\n");
    plant('src/flows/uses-config.ts', "import { c } from '../config/schema.js';\nexport const u = c;\n");
    plant('src/config/schema.ts', 'export const c = 1;\n');
    const out = await run(
      process.execPath,
      [cruiser, 'src', '--config', path.join(repo, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      {
        cwd: dir,
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    violations = (JSON.parse(out.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const by = (rule: string): string[] => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`);

  it('store importing flows is refused', () => {
    expect(by('store-is-the-bottom')).toEqual(['src/store/bad.ts → src/flows/engine.ts']);
  });

  it('ioredis outside src/store is refused', () => {
    expect(by('ioredis-only-in-store').map((v) => v.split(' → ')[0])).toEqual(['src/domain/redis.ts']);
  });

  it('a platform library outside its platform folder is refused', () => {
    expect(by('telegraf-only-in-telegram').map((v) => v.split(' → ')[0])).toEqual(['src/flows/tg.ts']);
  });

  it('a type-only cycle is a cycle', () => {
    const cycles = by('no-circular');
    expect(cycles).toHaveLength(1);
    expect(['src/core/a.ts → src/core/b.ts', 'src/core/b.ts → src/core/a.ts']).toContain(cycles[0]);
  });

  it('text/ is a leaf, groupchat never imports a platform, only the root sees the whole config', () => {
    expect(by('text-is-a-leaf')).toEqual(['src/text/zh.ts → src/core/a.ts']);
    expect(by('groupchat-is-shared')).toEqual(['src/bot/groupchat/doctor.ts → src/bot/qq/doctor.ts']);
    expect(by('whole-config-only-at-the-top')).toEqual(['src/flows/uses-config.ts → src/config/schema.ts']);
  });

  it('arrows that point down are allowed', () => {
    const offenders = violations.map((v) => v.from);
    expect(offenders).not.toContain('src/bot/qq/bot.ts');
    expect(offenders).not.toContain('src/domain/fine.ts');
  });
});
