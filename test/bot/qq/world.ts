import { QqSurface } from '../../../src/bot/qq/bot.js';
import { chatKey } from '../../../src/core/ids.js';
import { OneBotStub, type StubSegment } from '../../helpers/onebot-stub.js';
import { FAST, FAST_SENDER, openTestApp, waitUntil, type TestApp } from '../groupchat/app.js';

export const GROUP_ID = 734_512_998;
export const GROUP = { id: String(GROUP_ID), name: '光东村帮扶群', region: '吉林省延边州龙井市', team: '水稻专家服务团' };

export interface QqWorld {
  t: TestApp;
  stub: OneBotStub;
  surface: QqSurface;
  /** A member writes in the group, @-mentioning the bot when asked; returns the message id. */
  say(user: number, nickname: string, text: string, mention?: boolean, group?: number): number;
  /** The member's turn: says a line and waits for the bot's next answer addressed (@) to them. */
  turn(user: number, nickname: string, text: string, mention?: boolean, group?: number): Promise<string>;
  repliesTo(user: number, group?: number): string[];
  chatKey(id: number): string;
  close(): Promise<void>;
}

const atOf = (m: StubSegment[]): string | undefined => m.find((s) => s.type === 'at')?.data.qq as string | undefined;

/** A real App and the QQ surface, talking OneBot 11 over a real WebSocket to the local stand-in. */
export async function openQq(
  settings: Record<string, unknown> = {},
  opts: { token?: string; clientToken?: string } = {},
): Promise<QqWorld> {
  const stub = await OneBotStub.start(opts.token ? { token: opts.token } : {});
  const t = await openTestApp({ qq: { enabled: true, groups: [GROUP], pacing: FAST, reconnect: { minMs: 20, maxMs: 100 }, ...settings } });
  const surface = new QqSurface(t.app, {
    url: stub.url,
    token: opts.clientToken ?? opts.token,
    settings: t.app.config.platforms.qq,
    logger: t.logger,
    sender: FAST_SENDER,
    callTimeoutMs: 2000,
    pingMs: 100,
  });
  await surface.start();
  const world: QqWorld = {
    t,
    stub,
    surface,
    say(user, nickname, text, mention = false, group = GROUP_ID) {
      const message: StubSegment[] = mention
        ? [
            { type: 'at', data: { qq: String(stub.selfId) } },
            { type: 'text', data: { text: ` ${text}` } },
          ]
        : [{ type: 'text', data: { text } }];
      return stub.pushGroupMessage({ group, user, nickname, message });
    },
    repliesTo(user, group = GROUP_ID) {
      return stub
        .sent({ group })
        .filter((s) => atOf(s.message) === String(user))
        .map((s) => s.text.trim());
    },
    async turn(user, nickname, text, mention = false, group = GROUP_ID) {
      const before = world.repliesTo(user, group).length;
      world.say(user, nickname, text, mention, group);
      await waitUntil(() => world.repliesTo(user, group).length > before, `reply to ${nickname}: ${text}`);
      return world.repliesTo(user, group).at(-1)!;
    },
    chatKey: (id) => chatKey('qq', String(id)),
    async close() {
      await surface.stop();
      await stub.close();
      await t.close();
    },
  };
  if (!opts.clientToken || opts.clientToken === opts.token) await t.logs.waitFor('QQ account online');
  return world;
}
