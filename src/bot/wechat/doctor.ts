import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bad, pass, type Check } from '../../core/surface.js';
import { groupsLine, pacingLine } from '../groupchat/doctor.js';
import { wechatEnv, type WithWechat } from './config.js';
import { wechatPaths } from './paths.js';

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
  const { puppet, puppetToken } = wechatEnv(env);
  let installed = true;
  try {
    createRequire(import.meta.url).resolve(puppet);
  } catch (e) {
    // An ESM-only package without a "require" entry is still installed.
    installed = (e as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
  const { sessionFile, qrPng } = wechatPaths(dataDir);
  const hasSession = existsSync(sessionFile) && statSync(sessionFile).size > 2;
  return { puppet, installed, needsToken: TOKEN_PUPPETS.test(puppet), hasToken: Boolean(puppetToken), sessionFile, hasSession, qrPng };
}

/** `bangfu doctor` lines for WeChat, when the config enables it. */
export async function checkWechat(config: { dataDir: string } & WithWechat, env: NodeJS.ProcessEnv): Promise<Check[]> {
  const wx = config.platforms.wechat;
  if (!wx.enabled) return [];
  const out: Check[] = [];
  const d = diagnoseWechat(config.dataDir, env);
  out.push(
    d.installed
      ? pass(`微信：使用 ${d.puppet}`)
      : bad(`微信：WECHATY_PUPPET=${d.puppet} 没有安装：安装该 puppet，或去掉 WECHATY_PUPPET 使用默认的 wechaty-puppet-wechat4u`),
  );
  if (d.needsToken && !d.hasToken) out.push(bad(`微信：${d.puppet} 需要服务商提供的令牌，请设置 WECHATY_PUPPET_TOKEN`));
  out.push(
    d.hasSession
      ? pass(`微信：已保存登录会话（${d.sessionFile}），重启时通常无需重新扫码`)
      : pass(`微信：还没有登录会话，启动后终端会显示二维码（同时保存为 ${d.qrPng}），请用作机器人的微信扫码`),
  );
  out.push(groupsLine('微信', wx.groups, 'platforms.wechat.groups'), pacingLine('微信', wx.pacing));
  return out;
}
