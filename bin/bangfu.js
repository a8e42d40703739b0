#!/usr/bin/env node
// In a checkout, runs the TypeScript sources through tsx (a dev dependency: no build step for `npm start`).
// A production install (`npm ci --omit=dev`, the Docker image) has no tsx and runs the compiled dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = `${root}src/cli/main.ts`;
const dist = `${root}dist/cli/main.js`;

async function tsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined;
  }
}

const loader = existsSync(src) ? await tsx() : undefined;
if (loader) {
  loader.register();
  await import(pathToFileURL(src).href);
} else if (existsSync(dist)) {
  await import(pathToFileURL(dist).href);
} else {
  console.error('bangfu：找不到可运行的程序。开发环境请先 npm ci（安装 tsx）；生产环境请先 npm run build 生成 dist/。');
  process.exit(1);
}
