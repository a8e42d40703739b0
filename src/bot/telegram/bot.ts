import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Telegraf, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { ConfigError } from '../../core/config-error.js';
import type { Surface } from '../../core/surface.js';
import { allForms } from '../../flows/forms/registry.js';
import type { BotContext } from '../context.js';
import type { BotIdentity } from './decode.js';
import { commandMenu } from './menu.js';
import { TelegramFetcher } from './fetcher.js';
import { TelegramHandlers } from './handlers.js';
import { Pacer, type PacerStats } from './pacer.js';
import { ALLOWED_UPDATES, UpdatePoller } from './polling.js';
import { classifyTelegramError, TelegramSender } from './sender.js';
import type { TelegramSettings, WithTelegram } from './config.js';
import { TelegramState } from '../../store/telegram-state.js';
import { startWebhookServer } from './webhook.js';

/** What the Telegram surface reads from the running bot: the shared context and its own section. */
export type TelegramContext = BotContext<WithTelegram>;

export interface TelegramSurfaceOptions {
  /** Address the webhook server binds (tests: 127.0.0.1); all interfaces when unset. */
  webhookHost?: string;
}

function startupError(err: unknown, s: TelegramSettings): ConfigError {
  if (err instanceof TelegramError && (err.code === 401 || err.code === 404)) {
    return new ConfigError(['TELEGRAM_BOT_TOKEN: Telegram 不认这个令牌，请在 @BotFather 用 /token 重新获取并完整复制']);
  }
  const root = s.apiRoot ?? 'https://api.telegram.org';
  return new ConfigError([
    `连不上 Telegram（${root}）：${err instanceof Error ? err.message : String(err)}。检查网络，或用 TELEGRAM_API_ROOT 指向可访问的 Bot API 服务器`,
  ]);
}

/**
 * The Telegram bot as a surface of `bangfu start`: telegraf for the Bot API and update routing,
 * long polling by default, a webhook when TELEGRAM_WEBHOOK_URL is set, and every outgoing call
 * through the paced queue.
 */
export class TelegramSurface implements Surface {
  readonly name = 'telegram';
  private readonly bot: Telegraf;
  private readonly pacer: Pacer;
  private readonly state: TelegramState;
  private readonly sender: TelegramSender;
  private me?: BotIdentity;
  private poller?: UpdatePoller;
  private webhook?: { port: number; close(): Promise<void> };

  constructor(
    private readonly app: TelegramContext,
    private readonly settings: TelegramSettings,
    private readonly o: TelegramSurfaceOptions = {},
  ) {
    const cfg = app.config.platforms.telegram;
    const apiRoot = settings.apiRoot ?? 'https://api.telegram.org';
    const agent = apiRoot.startsWith('http:') ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true });
    this.bot = new Telegraf(settings.token, { telegram: { apiRoot, agent, webhookReply: false } });
    this.state = new TelegramState(app.redis, app.keys, {
      botId: settings.token.split(':')[0] ?? 'bot',
      ttlSec: Math.round(app.config.conversation.ttlDays * 86_400),
      doneTtlSec: Math.round(app.config.conversation.dedupeTtlHours * 3600),
    });
    this.pacer = new Pacer(cfg.pacing, { classify: classifyTelegramError, onBlocked: (chat) => this.state.markInactive(chat) }, app.logger);
    this.sender = new TelegramSender(this.bot.telegram, this.pacer, this.state, () => this.identity(), app.logger);
    const handlers = new TelegramHandlers(app, this.bot.telegram, this.sender, this.state, () => this.identity());
    this.bot.on('message', (ctx) => handlers.onMessage(ctx.update.update_id, ctx.message));
    this.bot.on('callback_query', (ctx) => handlers.onCallback(ctx.callbackQuery));
    this.bot.on('my_chat_member', (ctx) => handlers.onMembership(ctx.update.update_id, ctx.myChatMember));
    // The poller or the webhook decides what a failure means (retry, or a 500 so Telegram resends).
    this.bot.catch((err) => {
      throw err;
    });
  }

  private identity(): BotIdentity {
    if (!this.me) throw new Error('telegram surface used before start()');
    return this.me;
  }

  /** The webhook server's port (BANGFU_HTTP_PORT, or the one picked for port 0). */
  get webhookPort(): number | undefined {
    return this.webhook?.port;
  }

  get stats(): PacerStats {
    return this.pacer.stats;
  }

  async start(): Promise<void> {
    const tg = this.bot.telegram;
    const me = await tg.getMe().catch((err: unknown) => {
      throw startupError(err, this.settings);
    });
    this.me = { id: me.id, username: me.username };
    this.bot.botInfo = me;
    await this.state.load();
    this.app.dispatcher.registerSink('telegram', this.sender);
    this.app.dispatcher.registerFetcher('telegram', new TelegramFetcher(tg));
    await tg
      .setMyCommands(commandMenu(this.app.engine, allForms, this.app.commands.commands))
      .catch((err: unknown) => this.app.logger.warn({ err: String(err) }, 'telegram: setMyCommands failed'));
    const hook = this.settings.webhook;
    const handle = (u: Update): Promise<void> => this.bot.handleUpdate(u);
    if (hook) {
      this.webhook = await startWebhookServer({
        port: hook.port,
        path: hook.path,
        secret: hook.secret,
        handle,
        logger: this.app.logger,
        ...(this.o.webhookHost ? { host: this.o.webhookHost } : {}),
      });
      await tg.setWebhook(hook.url, {
        secret_token: hook.secret,
        allowed_updates: [...ALLOWED_UPDATES],
        max_connections: this.app.config.platforms.telegram.webhookMaxConnections,
      });
      this.app.logger.info({ bot: me.username, url: hook.url, port: this.webhook.port }, 'telegram: webhook mode');
    } else {
      // getUpdates is refused while a webhook is set; pending updates are kept, not dropped.
      await tg.deleteWebhook({ drop_pending_updates: false });
      this.poller = new UpdatePoller(tg, handle, this.app.config.platforms.telegram.pollTimeoutSec, this.app.logger);
      this.poller.start();
      this.app.logger.info({ bot: me.username }, 'telegram: long polling');
    }
  }

  /** Stops taking updates, lets the conversations finish and the queue drain (up to stopGraceSec). */
  async stop(): Promise<void> {
    await this.poller?.stop();
    await this.webhook?.close();
    await this.app.dispatcher.idle();
    await this.pacer.stop(this.app.config.platforms.telegram.stopGraceSec * 1000);
  }

  /** Resolves when every accepted update has been handled and every reply delivered (tests, measurements). */
  async idle(): Promise<void> {
    do {
      await this.app.dispatcher.idle();
      await this.pacer.idle();
    } while (this.pacer.backlog > 0);
  }
}
