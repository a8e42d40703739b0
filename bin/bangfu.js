#!/usr/bin/env node
// Runs the TypeScript sources through tsx in a checkout (no build step for `npm start`), and the
// compiled dist/ in the production image, which ships no src/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = `${root}src/cli/main.ts`;
if (existsSync(src)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(src).href);
} else {
  await import(pathToFileURL(`${root}dist/cli/main.js`).href);
}
