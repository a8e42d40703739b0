import { afterEach, describe, expect, it } from 'vitest';
import { checkTelegram } from '../../../src/bot/telegram/doctor.js';
import { telegramSettings } from '../../../src/bot/telegram/config.js';
import { ConfigError } from '../../../src/config/load.js';
import { configSchema } from '../../../src/config/schema.js';
import { chatKey } from '../../../src/core/ids.js';
import { TelegramApiStub, type StubChat } from '../../helpers/telegram-api-stub.js';
import { ALICE, BOB, callsOf, dm, World } from './world.js';

const worlds: World[] = [];
const open = async (o: Parameters<typeof World.open>[0] = {}): Promise<World> => {
  const w = await World.open(o);
  worlds.push(w);
  return w;
};
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

describe('Telegram: webhook mode', () => {
  it('serves TELEGRAM_WEBHOOK_URL’s path on BANGFU_HTTP_PORT and takes only requests carrying the secret token', async () => {
    const secret = 's3cret_token-1';
    const w = await open({
      env: { TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg/hook', BANGFU_HTTP_PORT: '0', TELEGRAM_WEBHOOK_SECRET: secret },
    });
    expect(w.stub.webhook).toMatchObject({
      url: 'https://bot.example.org/tg/hook',
      secret_token: secret,
      allowed_updates: ['message', 'callback_query', 'my_chat_member'],
    });

    const update = {
      update_id: 501,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: dm(ALICE),
        from: ALICE,
        text: '/log',
        entities: [{ type: 'bot_command', offset: 0, length: 4 }],
      },
    };
    const post = (token?: string, path = '/tg/hook'): Promise<Response> =>
      fetch(`http://127.0.0.1:${w.surface.webhookPort}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-telegram-bot-api-secret-token': token } : {}) },
        body: JSON.stringify(update),
      });
    expect((await post()).status).toBe(401);
    expect((await post('wrong-token')).status).toBe(401);
    expect((await post(secret, '/elsewhere')).status).toBe(404);
    await w.surface.idle();
    expect(w.stub.sent(ALICE.id)).toHaveLength(0);

    expect((await post(secret)).status).toBe(200);
    await w.surface.idle();
    expect(w.texts(dm(ALICE))).toEqual([expect.stringContaining('开始填写'), expect.stringContaining('【1/6】')]);
    // Telegram resending the same update (it did not see our 200) changes nothing.
    expect((await post(secret)).status).toBe(200);
    await w.surface.idle();
    expect(w.texts(dm(ALICE))).toHaveLength(2);
    expect(callsOf(w.stub, 'getUpdates')).toHaveLength(0);
  });

  it('without TELEGRAM_WEBHOOK_SECRET the secret is derived from the token: stable, and different per bot', () => {
    const env = { TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook' };
    const a = telegramSettings({ ...env, TELEGRAM_BOT_TOKEN: '111:aaa' })?.webhook?.secret;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(telegramSettings({ ...env, TELEGRAM_BOT_TOKEN: '111:aaa' })?.webhook?.secret).toBe(a);
    expect(telegramSettings({ ...env, TELEGRAM_BOT_TOKEN: '222:bbb' })?.webhook?.secret).not.toBe(a);
    expect(telegramSettings({ TELEGRAM_BOT_TOKEN: '111:aaa' })?.webhook).toBeUndefined();
    expect(() => telegramSettings({ ...env, TELEGRAM_BOT_TOKEN: '1:a', TELEGRAM_WEBHOOK_SECRET: 'has space' })).toThrow(ConfigError);
  });
});

describe('Telegram: bangfu doctor', () => {
  it('says which mode runs and whether Telegram accepts the token', async () => {
    const stub = new TelegramApiStub();
    const root = await stub.start();
    try {
      const config = configSchema.parse({ platforms: { telegram: { enabled: true } } });
      const token = '123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      const ok = await checkTelegram(config, { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: root });
      expect(ok.map((c) => c.text)).toEqual(['Telegram：长轮询模式（无需公网地址）', 'Telegram：令牌有效，机器人 @bangfu_test_bot']);
      stub.rules.push((m) => (m === 'getMe' ? { code: 401, description: 'Unauthorized' } : undefined));
      const refused = await checkTelegram(config, { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: root });
      expect(refused.at(-1)).toMatchObject({ ok: false, text: expect.stringContaining('令牌被拒绝') });
      expect((await checkTelegram(config, {}))[0]).toMatchObject({ ok: false, text: expect.stringContaining('未设置 TELEGRAM_BOT_TOKEN') });
      const noHttps = await checkTelegram(config, { TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: 'http://example.org/hook' });
      expect(noHttps[0]).toMatchObject({ ok: false, text: expect.stringContaining('https') });
    } finally {
      await stub.close();
    }
  });
});

describe('Telegram: a group upgraded to a supergroup', () => {
  it('moves the group’s records and open drafts to the new chat id', async () => {
    const OLD: StubChat = { id: -4242, type: 'group', title: '光东村帮扶群' };
    const NEW: StubChat = { id: -1004242, type: 'supergroup', title: '光东村帮扶群' };
    const w = await open();
    await w.say(OLD, ALICE, '/log 2026年11月20日 光东村 1 水稻育秧技术 45人 群众反映良好');
    await w.tap(OLD, ALICE, '确认');
    await w.say(OLD, BOB, '/log');
    await w.answer(OLD, BOB, '昨天');

    // Telegram announces the upgrade in both chats.
    const date = Math.floor(Date.now() / 1000);
    w.stub.push({ message: { message_id: 90, date, chat: OLD, from: ALICE, migrate_to_chat_id: NEW.id } });
    w.stub.push({ message: { message_id: 1, date, chat: NEW, from: ALICE, migrate_from_chat_id: OLD.id } });
    await w.settle();

    // Bob's draft carries on in the new chat.
    await w.say(NEW, BOB, '光东村');
    expect(w.lastFor(NEW, BOB).text).toContain('【3/6】帮扶活动形式');
    await w.tap(NEW, BOB, '现场指导');
    for (const t of ['果树修剪', '20', '满意']) await w.answer(NEW, BOB, t);
    await w.tap(NEW, BOB, '确认');

    const records = w.app.records;
    expect(await records.count({ form: 'ledger', chatKey: chatKey('telegram', String(NEW.id)) })).toBe(2);
    expect(await records.count({ form: 'ledger', chatKey: chatKey('telegram', String(OLD.id)) })).toBe(0);
    expect((await w.ledger()).map((r) => r.meta.chatId)).toEqual([String(NEW.id), String(NEW.id)]);
    expect(await records.groupTitles()).toEqual({ [chatKey('telegram', String(NEW.id))]: '光东村帮扶群' });

    await w.say(NEW, BOB, '/export');
    expect(w.stub.documents[0]?.caption).toContain('共 2 条');
  });
});
