import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { wechatPaths } from '../../../src/bot/wechat/paths.js';
import { waitUntil } from '../groupchat/app.js';
import { openWechat, type WechatWorld } from './world.js';

const GROUP = { name: '光东村帮扶群', region: '吉林省延边州龙井市', team: '水稻专家服务团' };
const LEDGER = ['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好', '确认'];

const worlds: WechatWorld[] = [];
async function world(settings: Record<string, unknown>, opts: { login?: boolean } = {}): Promise<WechatWorld> {
  const w = await openWechat(settings, opts);
  worlds.push(w);
  return w;
}
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

/** A member types a line in the room and waits for the bot's answer to them (the n-th message for them). */
async function turn(
  w: WechatWorld,
  who: ReturnType<WechatWorld['contact']>,
  text: string,
  roomId: string,
  room: Parameters<WechatWorld['say']>[2],
  mention = false,
): Promise<string> {
  const mine = (): string[] =>
    w
      .saidIn(roomId)
      .filter((s) => s.text.startsWith(`@${who.payload.name}`))
      .map((s) => s.text);
  const before = mine().length;
  w.say(who, text, room, mention);
  await waitUntil(() => mine().length > before, `reply to ${who.payload.name}: ${text}`);
  return mine().at(-1)!;
}

describe('WeChat groups (real wechaty on wechaty-puppet-mock)', () => {
  it('a ledger entry typed in a configured room is saved under the group, with replies @-addressed to the member', async () => {
    const alice = { name: '李明' };
    const w = await world({ groups: [{ ...GROUP }] });
    const a = w.contact(alice.name);
    const room = w.room(GROUP.name, [w.me, a]);
    const replies: string[] = [];
    for (const [i, line] of LEDGER.entries()) replies.push(await turn(w, a, line, room.id, room, i === 0));
    expect(replies[0]).toContain('开始填写《工作台账》');
    expect(replies[1]).toContain('【2/6】地点');
    // Choices are a numbered list: no buttons on WeChat.
    expect(replies[2]).toMatch(/1\. 技术培训\n2\. 现场指导/);
    expect(replies.at(-1)).toContain('✅ 已保存《工作台账》');
    const [rec, ...rest] = await w.t.ledger(w.chatKey(room.id));
    expect(rest).toHaveLength(0);
    expect(rec?.values).toMatchObject({ date: '2026-11-22', place: '光东村', activityForm: '技术培训', participants: 45 });
    // The configured name, not the topic of the day, names the group in records and exports.
    expect(rec?.meta).toMatchObject({ platform: 'wechat', chatId: room.id, chatTitle: GROUP.name, userName: '李明' });
    // The binding recorded the group's region and team by room id.
    const binding = JSON.parse((await w.t.app.redis.hget(w.t.app.keys.groupBindings(), w.chatKey(room.id)))!) as Record<string, string>;
    expect(binding).toMatchObject({ chatId: room.id, name: GROUP.name, region: GROUP.region, team: GROUP.team });
  });

  it('two members filling the ledger at once, lines interleaved, each get their own record', async () => {
    const w = await world({ groups: [{ ...GROUP }] });
    const a = w.contact('李明');
    const b = w.contact('王芳');
    const room = w.room(GROUP.name, [w.me, a, b]);
    const bob = ['台账', '前天', '光西村', '2', '果树修剪', '20', '满意', '确认'];
    for (let i = 0; i < LEDGER.length; i++) {
      const [ra, rb] = await Promise.all([turn(w, a, LEDGER[i]!, room.id, room), turn(w, b, bob[i]!, room.id, room)]);
      if (i === 1) {
        expect(ra).toContain('【2/6】');
        expect(rb).toContain('【2/6】');
      }
    }
    const recs = await w.t.ledger(w.chatKey(room.id));
    const byUser = Object.fromEntries(recs.map((r) => [r.meta.userName, r.values]));
    expect(byUser['李明']).toMatchObject({ date: '2026-11-22', place: '光东村', activityForm: '技术培训', participants: 45 });
    expect(byUser['王芳']).toMatchObject({ date: '2026-11-21', place: '光西村', activityForm: '现场指导', participants: 20 });
  });

  it('answers @-mentions (mention stripped) and command words, ignores chatter, its own messages and unconfigured rooms', async () => {
    const w = await world({ groups: [{ ...GROUP }] });
    const a = w.contact('李明');
    const b = w.contact('王芳');
    const room = w.room(GROUP.name, [w.me, a, b]);
    const other = w.room('闲聊群', [w.me, a]);
    w.say(b, '大家好，今天天气不错', room);
    w.say(a, '台账', other, true);
    await w.t.logs.waitFor(/group not in the config/);
    // "@帮扶 帮助": the mention is removed before the engine reads it, so this is help, not "没听懂".
    const help = await turn(w, a, '帮助', room.id, room, true);
    expect(help).toContain('可以这样开始');
    expect(help).not.toContain('没有听懂');
    // A command word without @ is for the bot too.
    expect(await turn(w, b, '台账', room.id, room)).toContain('开始填写');
    expect(w.saidIn(room.id).map((s) => s.text)).toEqual([expect.stringContaining('@李明'), expect.stringContaining('@王芳')]);
    expect(w.saidIn(other.id)).toEqual([]);
    expect(
      w.t.logs.lines.find((l) => l.msg === 'group not in the config; the bot stays silent there (add it to platforms.wechat.groups)'),
    ).toMatchObject({ chatId: other.id, topic: '闲聊群' });
  });

  it('after a new login session renumbers the rooms, the group is served under its new room id', async () => {
    const w = await world({ groups: [{ ...GROUP }] });
    const a = w.contact('李明');
    const before = w.room(GROUP.name, [w.me, a]);
    await turn(w, a, '帮助', before.id, before, true);
    // What wechat4u does after a new scan: the same group, a new id; the old id is gone.
    w.mocker.cacheRoomPayload.delete(before.id);
    const after = w.room(GROUP.name, [w.me, a]);
    expect(await turn(w, a, '台账', after.id, after)).toContain('开始填写');
    const bound = await w.t.app.redis.hgetall(w.t.app.keys.groupBindings());
    expect(Object.keys(bound)).toEqual([w.chatKey(after.id)]);
  });

  it('a redelivered message event takes effect once', async () => {
    const w = await world({ groups: [{ ...GROUP }] });
    const a = w.contact('李明');
    const room = w.room(GROUP.name, [w.me, a]);
    await turn(w, a, '台账', room.id, room, true);
    const id = w.say(a, '昨天', room);
    await waitUntil(() => w.saidIn(room.id).length === 2, 'the answer to 昨天');
    // The puppet hands the same message over again (reconnects do this).
    w.puppet.emit('message', { messageId: id });
    await waitUntil(() => w.t.logs.lines.some((l) => l.msg === 'duplicate message' && l.messageId === id), 'the duplicate to be seen');
    expect(await turn(w, a, '光东村', room.id, room)).toContain('【3/6】');
    expect(w.saidIn(room.id).filter((s) => s.text.includes('【3/6】'))).toHaveLength(1);
  });

  it('private chats work: a ledger entry by direct message', async () => {
    const w = await world({ groups: [] });
    const a = w.contact('李明');
    for (const line of LEDGER) {
      const n = w.saidIn(a.id).length;
      w.say(a, line, 'private');
      await waitUntil(() => w.saidIn(a.id).length > n, `reply to ${line}`);
    }
    expect(w.saidIn(a.id).at(-1)?.text).toContain('✅ 已保存');
    // No @ in a private chat.
    expect(w.saidIn(a.id).every((s) => !s.text.startsWith('@'))).toBe(true);
    // The bot's own messages come back as message events; answering them would have it talk to itself.
    expect(w.saidIn(w.me.id)).toEqual([]);
    expect(await w.t.ledger()).toHaveLength(1);
  });

  it('accepts invitations only to configured groups, greets the group it joins and binds it by room id', async () => {
    const w = await world({ groups: [{ ...GROUP }] });
    const inviter = w.contact('村支书');
    const good = w.room(GROUP.name, [inviter]);
    const bad = w.room('二手买卖群', [inviter]);
    w.puppet.invitations.set('inv-bad', { topic: '二手买卖群', inviterId: inviter.id, room: () => bad });
    w.puppet.invitations.set('inv-good', { topic: GROUP.name, inviterId: inviter.id, room: () => good });
    w.puppet.emit('room-invite', { roomInvitationId: 'inv-bad' });
    await w.t.logs.waitFor('room invitation declined: group not in the config');
    w.puppet.emit('room-invite', { roomInvitationId: 'inv-good' });
    const hello = await w.waitSaid(good.id, (s) => s.text.includes('已加入'), 'the greeting');
    expect(w.puppet.accepted).toEqual(['inv-good']);
    expect(hello.text).toContain(`已加入「${GROUP.name}」（${GROUP.region} · ${GROUP.team}）`);
    expect(hello.text).toContain('发送「台账」');
    expect(await w.t.app.redis.hget(w.t.app.keys.groupBindings(), w.chatKey(good.id))).toContain(GROUP.team);
    expect(w.saidIn(bad.id)).toEqual([]);
    // A new member is told how to register.
    const newcomer = w.contact('张教授');
    good.add(newcomer).by(inviter);
    const welcome = await w.waitSaid(good.id, (s) => s.text.includes('欢迎'), 'the welcome');
    expect(welcome.text).toContain('欢迎 张教授 加入本群');
    expect(welcome.text).toContain('发送「登记」');
    // …and doing so without an @ is answered (by the registration form, or "coming soon" without it).
    const reply = await turn(w, newcomer, '登记', good.id, good);
    expect(reply).toMatch(/专家登记|「登记」功能即将开放/);
    expect(reply).not.toContain('没有听懂');
  });

  it('导出 in a group sends that group’s ledger back as an XLSX file', async () => {
    const w = await world({ groups: [{ ...GROUP }, { name: '光西村帮扶群', region: '', team: '' }] });
    const a = w.contact('李明');
    const room = w.room(GROUP.name, [w.me, a]);
    const west = w.room('光西村帮扶群', [w.me, a]);
    for (const line of LEDGER) await turn(w, a, line, room.id, room);
    await turn(w, a, '台账 2026年11月1日 光西村 2 果树修剪 20 满意', west.id, west);
    await turn(w, a, '确认', west.id, west);
    // The group's whole table is its team leader's (a plain member would get only their own rows).
    await w.t.app.roles.grant(`wechat:${encodeURIComponent(a.id)}`, {
      role: 'team-leader',
      groups: [`wechat:${encodeURIComponent(room.id)}`],
    });
    await turn(w, a, '导出', room.id, room, true);
    const file = await w.waitSaid(room.id, (s) => Boolean(s.file), 'the export file');
    expect(file.file?.name).toMatch(/^工作台账-光东村帮扶群-[\d-]+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.file!.data as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).join('|'));
    expect(rows).toHaveLength(2); // header + this group's one record, not the other group's
    expect(rows[1]).toContain('水稻育秧技术');
    expect(w.saidIn(room.id).some((s) => s.text.startsWith('@李明') && s.text.includes('共 1 条'))).toBe(true);
  });

  it('a reminder naming people @-mentions each of them in the room', async () => {
    const w = await world({ groups: [{ ...GROUP }] });
    const a = w.contact('李明');
    const b = w.contact('王芳');
    const room = w.room(GROUP.name, [w.me, a, b]);
    const missing = [
      { id: a.id, name: '李明' },
      { id: b.id, name: '王芳' },
    ];
    await w.t.app.dispatcher.notify({ platform: 'wechat', chat: { id: room.id, kind: 'group' } }, [
      { kind: 'text', text: '本周台账还差：李明、王芳', mentions: missing },
    ]);
    const said = await w.waitSaid(room.id, (s) => s.text.includes('还差'), 'the reminder');
    expect(said.text).toBe('@李明\u2005@王芳 本周台账还差：李明、王芳');
  });

  it('the login QR code is saved under the data dir; logout is survived and queued replies go out after the new login', async () => {
    const w = await world({ groups: [{ ...GROUP }] }, { login: false });
    const { qrPng } = wechatPaths(w.t.dataDir);
    w.mocker.scan('https://login.weixin.qq.com/l/abcdef');
    await w.t.logs.waitFor('wechat login: scan the QR code (also saved as PNG)');
    expect(existsSync(qrPng)).toBe(true);
    await w.login();
    await waitUntil(() => !existsSync(qrPng), 'the QR code to be removed after login');
    const a = w.contact('李明');
    const room = w.room(GROUP.name, [w.me, a]);
    await turn(w, a, '台账', room.id, room, true);
    await turn(w, a, '昨天', room.id, room);

    await w.puppet.logout('test');
    await w.t.logs.waitFor(/wechat logged out/);
    // A reply produced while logged out waits in the Redis outbox instead of failing.
    await w.surface.chat.send({ platform: 'wechat', chat: { id: room.id, kind: 'group' } }, [
      { kind: 'text', text: '提醒：本周台账请于周五前填写' },
    ]);
    expect(await w.surface.chat.outbox.pending()).toBe(1);
    await w.login();
    await w.waitSaid(room.id, (s) => s.text.includes('提醒'), 'the queued reminder');
    // The half-filled form survived the re-login.
    expect(await turn(w, a, '光东村', room.id, room)).toContain('【3/6】');
  });

  it('backs off instead of spinning when the puppet keeps failing before login', async () => {
    const w = await world({ groups: [] }, { login: false });
    for (let i = 0; i < 3; i++) w.puppet.emit('error', { data: 'getaddrinfo ENOTFOUND login.wx.qq.com' });
    const pause = await w.t.logs.waitFor('wechat cannot log in; restarting the puppet after a pause');
    expect(pause.retryInMs).toBeGreaterThanOrEqual(16);
    await w.t.logs.waitFor('wechat puppet restarting');
    // Only the first error of a burst is logged in full.
    expect(w.t.logs.count('wechat error before login')).toBe(1);
    expect(w.surface.online).toBe(false);
    await w.login();
    await waitUntil(() => w.surface.online, 'the login');
  });
});
