import { Agent } from 'node:http';
import { Telegraf } from 'telegraf';
import type { Message } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../src/bot/telegram/decode.js';
import { TelegramFetcher } from '../../../src/bot/telegram/fetcher.js';
import { TelegramApiStub } from '../../helpers/telegram-api-stub.js';
import { ALICE, BOB, callsOf, GROUP, World } from './world.js';

const worlds: World[] = [];
const stubs: TelegramApiStub[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

const ME = { id: 7000001, username: 'bangfu_test_bot' };

describe('Telegram: files in', () => {
  it('a photo with a caption arrives as an image attachment (largest size) and its bytes download from the Bot API', async () => {
    const photo = {
      message_id: 5,
      date: 1_790_000_000,
      chat: GROUP,
      from: ALICE,
      caption: '田间示范现场',
      photo: [
        { file_id: 'small', file_unique_id: 's', width: 90, height: 60, file_size: 900 },
        { file_id: 'big', file_unique_id: 'b', width: 1280, height: 853, file_size: 4 },
      ],
    } as unknown as Message;
    const d = decodeMessage(photo, ME);
    expect(d).toMatchObject({ text: '田间示范现场', attachments: [{ kind: 'image', ref: 'big', size: 4 }], addressed: false });

    const stub = new TelegramApiStub();
    stubs.push(stub);
    const bot = new Telegraf('1:files', { telegram: { apiRoot: await stub.start(), agent: new Agent() } });
    stub.files.set('big', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const bytes = await new TelegramFetcher(bot.telegram).fetch(d!.attachments[0]!);
    expect([...bytes]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    await expect(new TelegramFetcher(bot.telegram, 3).fetch(d!.attachments[0]!)).rejects.toThrow(/too large/);
  });
});

describe('Telegram: messages the bot starts itself', () => {
  it('a reminder naming people mentions them, so Telegram notifies them', async () => {
    const w = await World.open();
    worlds.push(w);
    await w.app.dispatcher.notify({ platform: 'telegram', chat: { id: String(GROUP.id), kind: 'group', title: GROUP.title } }, [
      {
        kind: 'text',
        text: '本周台账还差：李明、王芳',
        mentions: [
          { id: String(ALICE.id), name: '李明' },
          { id: String(BOB.id), name: '王芳' },
        ],
      },
    ]);
    await w.settle();
    const [sent] = callsOf(w.stub, 'sendMessage');
    expect(sent?.entities).toEqual([
      { type: 'text_mention', offset: 7, length: 2, user: { id: ALICE.id, is_bot: false, first_name: '李明' } },
      { type: 'text_mention', offset: 10, length: 2, user: { id: BOB.id, is_bot: false, first_name: '王芳' } },
    ]);
    expect(sent?.reply_markup).toBeUndefined();
  });
});
