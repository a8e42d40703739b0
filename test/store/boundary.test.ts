import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// ioredis staying inside src/store is a dependency rule (.dependency-cruiser.cjs, npm run lint).
describe('src/store keeps every script', () => {
  it('every Lua script is a file under src/store/lua, none is a string in TypeScript', () => {
    const inline = files('src').filter((f) => /redis\.call\(/.test(readFileSync(f, 'utf8')));
    expect(inline).toEqual([]);
  });
});
