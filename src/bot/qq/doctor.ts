import WebSocket from 'ws';
import { bad, pass, type Check } from '../../core/surface.js';
import { groupsLine, pacingLine } from '../groupchat/doctor.js';
import { oneBotEnv, type WithQq } from './config.js';
import { oneBotHeaders } from './onebot.js';

export type OneBotProbe = { ok: true; userId: string; nickname: string } | { ok: false; reason: string };

/**
 * For `bangfu doctor`: opens the OneBot socket with the token and asks who is logged in, so a
 * coordinator learns before starting whether the address, the token and the QQ login are right.
 */
export function probeOneBot(url: string, token: string | undefined, timeoutMs = 5000): Promise<OneBotProbe> {
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, { headers: oneBotHeaders(token), handshakeTimeout: timeoutMs });
    } catch (e) {
      resolve({ ok: false, reason: `地址无效（${(e as Error).message}）：应形如 ws://127.0.0.1:3001` });
      return;
    }
    const done = (r: OneBotProbe): void => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () => done({ ok: false, reason: `${timeoutMs / 1000} 秒内没有回应：确认 QQ 实现已登录并开启了正向 WebSocket` }),
      timeoutMs,
    );
    ws.on('open', () => ws.send(JSON.stringify({ action: 'get_login_info', params: {}, echo: 'bangfu-doctor' })));
    ws.on('message', (data) => {
      let m: { echo?: string; status?: string; data?: { user_id?: number | string; nickname?: string }; retcode?: number };
      try {
        m = JSON.parse(data.toString()) as typeof m;
      } catch {
        return;
      }
      if (m.echo !== 'bangfu-doctor') return;
      if (m.status === 'ok' && m.data?.user_id !== undefined)
        done({ ok: true, userId: String(m.data.user_id), nickname: m.data.nickname ?? '' });
      else done({ ok: false, reason: `get_login_info 失败（retcode ${String(m.retcode)}）：QQ 可能尚未登录` });
    });
    ws.on('error', (err) => {
      const msg = err.message;
      if (/401|403/.test(msg)) done({ ok: false, reason: '访问令牌被拒绝：检查 QQ_ONEBOT_TOKEN 与 QQ 实现中设置的 token 是否一致' });
      else if (/ECONNREFUSED/.test(msg)) done({ ok: false, reason: '连接被拒绝：QQ 实现（NapCat/Lagrange）未启动，或端口不对' });
      else done({ ok: false, reason: msg });
    });
  });
}

/** `bangfu doctor` lines for QQ, when the config enables it: the OneBot connection, then the groups. */
export async function checkQq(config: WithQq, env: NodeJS.ProcessEnv): Promise<Check[]> {
  const qq = config.platforms.qq;
  if (!qq.enabled) return [];
  const out: Check[] = [];
  const { url, token } = oneBotEnv(env);
  if (!url) {
    out.push(bad('QQ：已启用但未设置 QQ_ONEBOT_URL：填写 NapCat/Lagrange 的正向 WebSocket 地址，如 ws://127.0.0.1:3001'));
  } else {
    const p = await probeOneBot(url, token);
    out.push(
      p.ok
        ? pass(`QQ：已连接 ${url}，登录账号 ${p.userId}${p.nickname ? `（${p.nickname}）` : ''}`)
        : bad(`QQ：连不上 ${url}：${p.reason}`),
    );
  }
  out.push(groupsLine('QQ', qq.groups, 'platforms.qq.groups'), pacingLine('QQ', qq.pacing));
  return out;
}
