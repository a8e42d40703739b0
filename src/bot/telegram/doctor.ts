import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Telegraf, TelegramError } from 'telegraf';
import { ConfigError } from '../../core/config-error.js';
import { bad, pass, type Check } from '../../core/surface.js';
import { telegramSettings, type WithTelegram } from './config.js';

/** Asks Telegram who the token belongs to, within a few seconds. */
async function probe(token: string, apiRoot: string | undefined): Promise<Check> {
  const root = apiRoot ?? 'https://api.telegram.org';
  const agent = root.startsWith('http:') ? new HttpAgent() : new HttpsAgent();
  const bot = new Telegraf(token, { telegram: { apiRoot: root, agent } });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('5 秒内无响应')), 5000).unref());
  try {
    const me = await Promise.race([bot.telegram.getMe(), timeout]);
    return pass(`Telegram：令牌有效，机器人 @${me.username}`);
  } catch (e) {
    if (e instanceof TelegramError && (e.code === 401 || e.code === 404))
      return bad('Telegram：令牌被拒绝，请在 @BotFather 用 /token 重新获取并完整复制到 TELEGRAM_BOT_TOKEN。');
    return bad(
      `Telegram：连不上 ${root}（${e instanceof Error ? e.message : String(e)}）：检查网络，或用 TELEGRAM_API_ROOT 指向可访问的 Bot API 服务器。`,
    );
  }
}

/** `bangfu doctor` lines for Telegram, when the config or TELEGRAM_BOT_TOKEN turns it on. */
export async function checkTelegram(config: WithTelegram, env: NodeJS.ProcessEnv): Promise<Check[]> {
  const token = env.TELEGRAM_BOT_TOKEN?.trim();
  if (!config.platforms.telegram.enabled && !token) return [];
  if (!token) return [bad('已启用 Telegram 但未设置 TELEGRAM_BOT_TOKEN：向 @BotFather 申请机器人后设置该环境变量。')];
  if (!/^\d+:[\w-]{30,}$/.test(token)) return [bad('TELEGRAM_BOT_TOKEN 格式不对：应形如 123456789:ABC…（从 @BotFather 复制完整）。')];
  const out: Check[] = [];
  if (!config.platforms.telegram.enabled) {
    out.push(
      bad(
        '已设置 TELEGRAM_BOT_TOKEN，但配置中 platforms.telegram.enabled 不是 true：bangfu start 会同时打开控制台，无终端输入时随即退出。请在配置中设为 true。',
      ),
    );
  }
  let settings;
  try {
    settings = telegramSettings(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return [...out, ...e.problems.map((p) => bad(`Telegram：${p}`))];
  }
  const hook = settings?.webhook;
  if (!hook) out.push(pass('Telegram：长轮询模式（无需公网地址）'));
  else if (!hook.url.startsWith('https://') && !settings?.apiRoot)
    return [...out, bad(`Telegram：TELEGRAM_WEBHOOK_URL 必须是 https 地址（现在是 ${hook.url}）。`)];
  else
    out.push(pass(`Telegram：webhook 模式，${hook.url} → 本机端口 ${hook.port}${env.TELEGRAM_WEBHOOK_SECRET ? '' : '（密钥由令牌派生）'}`));
  out.push(await probe(token, settings?.apiRoot));
  return out;
}
