import type { Config } from '../../config/schema.js';
import { probeOneBot } from '../qq/doctor.js';
import { diagnoseWechat } from '../wechat/doctor.js';
import type { GroupSpec } from './binding.js';

export interface SurfaceCheck {
  ok: boolean;
  text: string;
}

const pass = (text: string): SurfaceCheck => ({ ok: true, text });
const bad = (text: string): SurfaceCheck => ({ ok: false, text });

function groupsLine(label: string, groups: readonly GroupSpec[], path: string): SurfaceCheck {
  if (!groups.length) return pass(`${label}：未配置群，机器人只回复私聊；在 ${path} 中加入要服务的群`);
  const noId = groups.filter((g) => !g.id).length;
  const names = groups.map((g) => `${g.name}${g.region ? `（${g.region}）` : ''}`).join('、');
  return pass(`${label}：服务 ${groups.length} 个群：${names}${noId ? `；其中 ${noId} 个未填 id，第一次见到同名群时按群 id 绑定一次` : ''}`);
}

const pacingLine = (label: string, p: { minDelayMs: number; maxDelayMs: number }): SurfaceCheck =>
  pass(`${label}：消息排队发送，每条间隔 ${p.minDelayMs / 1000}–${p.maxDelayMs / 1000} 秒`);

/** `bangfu doctor` lines for the WeChat and QQ surfaces that the config enables. */
export async function checkGroupSurfaces(config: Config, env: NodeJS.ProcessEnv): Promise<SurfaceCheck[]> {
  const out: SurfaceCheck[] = [];
  const wx = config.platforms.wechat;
  if (wx.enabled) {
    const d = diagnoseWechat(config.dataDir, env);
    out.push(d.installed ? pass(`微信：使用 ${d.puppet}`) : bad(`微信：WECHATY_PUPPET=${d.puppet} 没有安装：安装该 puppet，或去掉 WECHATY_PUPPET 使用默认的 wechaty-puppet-wechat4u`));
    if (d.needsToken && !d.hasToken) out.push(bad(`微信：${d.puppet} 需要服务商提供的令牌，请设置 WECHATY_PUPPET_TOKEN`));
    out.push(
      d.hasSession
        ? pass(`微信：已保存登录会话（${d.sessionFile}），重启时通常无需重新扫码`)
        : pass(`微信：还没有登录会话，启动后终端会显示二维码（同时保存为 ${d.qrPng}），请用作机器人的微信扫码`),
    );
    out.push(groupsLine('微信', wx.groups, 'platforms.wechat.groups'), pacingLine('微信', wx.pacing));
  }
  const qq = config.platforms.qq;
  if (qq.enabled) {
    const url = env.QQ_ONEBOT_URL;
    if (!url) {
      out.push(bad('QQ：已启用但未设置 QQ_ONEBOT_URL：填写 NapCat/Lagrange 的正向 WebSocket 地址，如 ws://127.0.0.1:3001'));
    } else {
      const p = await probeOneBot(url, env.QQ_ONEBOT_TOKEN);
      out.push(p.ok ? pass(`QQ：已连接 ${url}，登录账号 ${p.userId}${p.nickname ? `（${p.nickname}）` : ''}`) : bad(`QQ：连不上 ${url}：${p.reason}`));
    }
    out.push(groupsLine('QQ', qq.groups, 'platforms.qq.groups'), pacingLine('QQ', qq.pacing));
  }
  return out;
}
