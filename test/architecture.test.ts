import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PLATFORM_LIBS = ['telegraf', 'wechaty', 'wechaty-puppet', 'file-box', 'ws'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('module boundaries', () => {
  it('only src/bot/<platform>/ imports a chat platform library', () => {
    const offenders: string[] = [];
    for (const f of files('src')) {
      const rel = path.relative('src', f).split(path.sep);
      const inPlatformFolder = rel[0] === 'bot' && rel.length > 2;
      if (inPlatformFolder) continue;
      const imports = [...readFileSync(f, 'utf8').matchAll(/from\s+'([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
      for (const spec of imports) {
        if (spec && PLATFORM_LIBS.some((lib) => spec === lib || spec.startsWith(`${lib}/`) || spec.startsWith(`${lib}-`))) offenders.push(`${f}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
