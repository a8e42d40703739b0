/**
 * The same 8-message ledger conversation on telegraf's WizardScene with a Redis session store
 * (GET + SET per update, as @telegraf/session/redis does), driven through bot.handleUpdate with the
 * Telegram API stubbed out. It is the bar the brief sets, measured on this machine in the same run.
 * It does less than bangfu: no dedupe, no cross-process order, no record save.
 */
import { Redis } from 'ioredis';
import { Scenes, session, Telegraf, Telegram, type Context } from 'telegraf';
import type { Update } from 'telegraf/types';

type Ctx = Context & Scenes.WizardContext;

export interface BaselineResult {
  perSec: number;
  rtPerMsg: number;
  lat: number[];
}

const STEPS = 8;

export async function telegrafBaseline(
  url: string,
  users: number,
  rounds: number,
  pace?: { rate: number; seconds: number },
): Promise<BaselineResult> {
  const redis = new Redis(url, { enableAutoPipelining: true });
  let commands = 0;
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...a: Parameters<typeof send>) => (commands++, send(...a))) as typeof send;
  const prefix = `tgbase:${Date.now()}:`;
  const store = {
    get: async (k: string) => {
      const v = await redis.get(prefix + k);
      return v === null ? undefined : (JSON.parse(v) as Scenes.WizardSession);
    },
    set: (k: string, v: Scenes.WizardSession) => redis.set(prefix + k, JSON.stringify(v), 'EX', 86_400),
    delete: (k: string) => redis.del(prefix + k),
  };
  const steps = Array.from({ length: STEPS }, (_, i) => async (ctx: Ctx) => {
    await ctx.reply(`step ${i + 1}`);
    if (i === STEPS - 1) return ctx.scene.leave();
    return ctx.wizard.next();
  });
  const wizard = new Scenes.WizardScene<Ctx>('ledger', ...steps);
  const stage = new Scenes.Stage<Ctx>([wizard]);
  const bot = new Telegraf<Ctx>('1:bench');
  bot.botInfo = {
    id: 1,
    is_bot: true,
    first_name: 'bench',
    username: 'bench_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  } as typeof bot.botInfo;
  // The network edge: every Bot API call answers at once (handleUpdate makes a Telegram per update,
  // so the stub goes on the prototype).
  Telegram.prototype.callApi = (async () => ({ message_id: 1, date: 0, chat: { id: 1, type: 'group' } })) as unknown as Telegram['callApi'];
  bot.use(session({ store }));
  bot.use(stage.middleware());
  bot.hears('台账', (ctx) => ctx.scene.enter('ledger'));

  let updateId = 0;
  const update = (user: number, text: string): Update =>
    ({
      update_id: ++updateId,
      message: {
        message_id: updateId,
        date: 0,
        chat: { id: -100, type: 'group', title: 'g' },
        from: { id: user, is_bot: false, first_name: 'u' },
        text,
      },
    }) as Update;
  const texts = ['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好', '确认'];
  const lat: number[] = [];
  const one = async (user: number, text: string) => {
    const t0 = performance.now();
    await bot.handleUpdate(update(user, text));
    lat.push(performance.now() - t0);
  };

  await Promise.all(
    Array.from({ length: 50 }, async (_, u) => {
      for (const t of texts) await one(1e6 + u, t);
    }),
  );
  lat.length = 0;
  const before = commands;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let r = 0; r < rounds; r++) for (const t of texts) await one(u + 1, t);
    }),
  );
  const msgs = users * rounds * texts.length;
  const result: BaselineResult = { perSec: msgs / ((performance.now() - t0) / 1000), rtPerMsg: (commands - before) / msgs, lat: [] };
  if (pace) {
    // The same pause between phases as bangfu's bench: a full GC, then 200 ms.
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 200));
    lat.length = 0;
    const per = pace.rate / 2;
    const all: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; i < pace.rate * pace.seconds; i++) {
      const wait = start + (i * 1000) / pace.rate - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      all.push(one(2e6 + (i % per), texts[Math.floor(i / per) % texts.length]!));
    }
    await Promise.all(all);
    result.lat = [...lat];
  }
  await redis.quit();
  return result;
}
