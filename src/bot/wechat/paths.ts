import path from 'node:path';

/** Where the login QR code and the session (wechaty's memory card) live under the data dir. */
export function wechatPaths(dataDir: string): { dir: string; session: string; sessionFile: string; qrPng: string } {
  const dir = path.resolve(dataDir, 'wechat');
  const session = path.join(dir, 'session');
  return { dir, session, sessionFile: `${session}.memory-card.json`, qrPng: path.join(dir, 'login-qr.png') };
}
