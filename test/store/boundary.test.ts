import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/store is the only Redis user', () => {
  it('no file outside src/store imports ioredis or registers a script', () => {
    const offenders = files('src')
      .filter((f) => !f.startsWith(path.join('src', 'store') + path.sep))
      .filter((f) => /from\s+'ioredis'|import\('ioredis'\)|defineCommand/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every Lua script is a file under src/store/lua, none is a string in TypeScript', () => {
    const inline = files('src').filter((f) => /redis\.call\(/.test(readFileSync(f, 'utf8')));
    expect(inline).toEqual([]);
  });
});
