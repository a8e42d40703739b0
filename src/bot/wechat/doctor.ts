import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEFAULT_PUPPET, wechatPaths } from './paths.js';

export interface WechatDiagnosis {
  puppet: string;
  installed: boolean;
  /** Service puppets (wechaty-puppet-service, padlocal…) need WECHATY_PUPPET_TOKEN. */
  needsToken: boolean;
  hasToken: boolean;
  sessionFile: string;
  hasSession: boolean;
  qrPng: string;
}

const TOKEN_PUPPETS = /wechaty-puppet-(service|padlocal|xp|workpro)/;

/** For `bangfu doctor`: which puppet, whether it is installed, and whether a login session is kept. */
export function diagnoseWechat(dataDir: string, env: NodeJS.ProcessEnv): WechatDiagnosis {
  const puppet = env.WECHATY_PUPPET || DEFAULT_PUPPET;
  let installed = true;
  try {
    createRequire(import.meta.url).resolve(puppet);
  } catch (e) {
    // An ESM-only package without a "require" entry is still installed.
    installed = (e as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
  const { sessionFile, qrPng } = wechatPaths(dataDir);
  const hasSession = existsSync(sessionFile) && statSync(sessionFile).size > 2;
  return { puppet, installed, needsToken: TOKEN_PUPPETS.test(puppet), hasToken: Boolean(env.WECHATY_PUPPET_TOKEN), sessionFile, hasSession, qrPng };
}
