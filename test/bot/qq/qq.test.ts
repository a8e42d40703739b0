import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../groupchat/app.js';
import { GROUP, GROUP_ID, openQq, type QqWorld } from './world.js';

const LEDGER = ['台账', '昨天', '光东村', '1', '水稻育秧技术', '45人', '群众反映良好', '确认'];
const ALICE = 2_345_678;
const BOB = 3_456_789;

const worlds: QqWorld[] = [];
async function world(...args: Parameters<typeof openQq>): Promise<QqWorld> {
  const w = await openQq(...args);
  worlds.push(w);
  return w;
}
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

async function xlsxRows(data: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets[0]!.getSheetValues()
    .filter(Boolean)
    .map((r) => (r as unknown[]).join('|'));
}

describe('QQ groups over OneBot 11 (real WebSocket to a local stand-in)', () => {
  it('a ledger entry in a group: @ to start, plain answers after, replies quote and @ the member', async () => {
    const w = await world();
    const replies: string[] = [];
    for (const [i, line] of LEDGER.entries()) replies.push(await w.turn(ALICE, '李明', line, i === 0));
    expect(replies[0]).toContain('开始填写《工作台账》');
    expect(replies[2]).toMatch(/1\. 技术培训\n2\. 现场指导/);
    expect(replies.at(-1)).toContain('✅ 已保存《工作台账》');
    // The first reply quotes the member's message and @-mentions them.
    const first = w.stub.sent({ group: GROUP_ID })[0]!;
    expect(first.message.map((s) => s.type)).toEqual(['reply', 'at', 'text']);
    const [rec, ...rest] = await w.t.ledger(w.chatKey(GROUP_ID));
    expect(rest).toHaveLength(0);
    expect(rec?.values).toMatchObject({ date: '2026-11-22', place: '光东村', activityForm: '技术培训', participants: 45 });
    expect(rec?.meta).toMatchObject({ platform: 'qq', chatId: GROUP.id, chatTitle: GROUP.name, userId: String(ALICE), userName: '李明' });
    const binding = JSON.parse((await w.t.app.redis.hget(w.t.app.keys.groupBindings(), w.chatKey(GROUP_ID)))!) as Record<string, string>;
    expect(binding).toMatchObject({ platform: 'qq', chatId: GROUP.id, region: GROUP.region, team: GROUP.team });
  });

  it('lines typed in quick succession are handled in the order they were sent', async () => {
    const w = await world();
    // Pushed back to back, before the group's binding is even cached: order must still hold.
    for (const line of ['台账', '昨天', '光东村', '1']) w.say(ALICE, '李明', line);
    await waitUntil(() => w.repliesTo(ALICE).length === 4, 'four replies');
    expect(w.repliesTo(ALICE).map((r) => r.match(/【(\d)\/6】/)?.[1])).toEqual(['1', '2', '3', '4']);
  });

  it('two members interleaved in one group each get their own record', async () => {
    const w = await world();
    const bob = ['台账', '前天', '光西村', '2', '果树修剪', '20', '满意', '确认'];
    for (let i = 0; i < LEDGER.length; i++) {
      const [ra, rb] = await Promise.all([w.turn(ALICE, '李明', LEDGER[i]!), w.turn(BOB, '王芳', bob[i]!)]);
      if (i === 1) expect([ra, rb]).toEqual([expect.stringContaining('【2/6】'), expect.stringContaining('【2/6】')]);
    }
    const byUser = Object.fromEntries((await w.t.ledger(w.chatKey(GROUP_ID))).map((r) => [r.meta.userName, r.values]));
    expect(byUser['李明']).toMatchObject({ place: '光东村', participants: 45 });
    expect(byUser['王芳']).toMatchObject({ place: '光西村', activityForm: '现场指导', participants: 20 });
  });

  it('reconnects after the socket drops; the form goes on and a reply made while down is delivered after', async () => {
    const w = await world();
    await w.turn(ALICE, '李明', '台账');
    await w.turn(ALICE, '李明', '昨天');
    w.stub.refuse = true;
    w.stub.dropAll();
    await w.t.logs.waitFor('OneBot connection lost; reconnecting');
    // A reminder produced while QQ is unreachable waits in Redis.
    await w.surface.chat.send({ platform: 'qq', chat: { id: GROUP.id, kind: 'group' } }, [
      { kind: 'text', text: '提醒：本周台账请于周五前填写' },
    ]);
    expect(await w.surface.chat.outbox.pending()).toBe(1);
    w.stub.refuse = false;
    await waitUntil(() => w.stub.sent({ group: GROUP_ID }).some((s) => s.text.includes('提醒')), 'the queued reminder after reconnect');
    expect(w.stub.connections).toBeGreaterThanOrEqual(2);
    expect(await w.turn(ALICE, '李明', '光东村')).toContain('【3/6】');
    for (const line of LEDGER.slice(3)) await w.turn(ALICE, '李明', line);
    expect(await w.t.ledger(w.chatKey(GROUP_ID))).toHaveLength(1);
  });

  it('a link that silently stops answering (no pongs) is cut off and reopened', async () => {
    const w = await world();
    await w.turn(ALICE, '李明', '台账');
    w.stub.frozen = true;
    await w.t.logs.waitFor('OneBot connection lost; reconnecting');
    w.stub.frozen = false;
    await waitUntil(() => w.stub.connections >= 2 && w.surface.client.connected, 'the new connection');
    expect(await w.turn(ALICE, '李明', '昨天')).toContain('【2/6】');
  });

  it('reads CQ-code text, ignores chatter, its own messages and unconfigured groups; a redelivered message counts once', async () => {
    const w = await world();
    w.stub.pushGroupMessage({ group: GROUP_ID, user: BOB, nickname: '王芳', message: '今天下雨了' });
    w.stub.pushGroupMessage({
      group: 99_999_999,
      user: ALICE,
      nickname: '李明',
      message: [
        { type: 'at', data: { qq: String(w.stub.selfId) } },
        { type: 'text', data: { text: ' 台账' } },
      ],
    });
    w.stub.pushGroupMessage({ group: GROUP_ID, user: w.stub.selfId, nickname: '帮扶', message: '台账' });
    await w.t.logs.waitFor(/group not in the config/);
    // String message format: "[CQ:at,qq=…] 帮助".
    const id = w.stub.pushGroupMessage({ group: GROUP_ID, user: ALICE, nickname: '李明', message: `[CQ:at,qq=${w.stub.selfId}] 帮助` });
    await waitUntil(() => w.repliesTo(ALICE).length === 1, 'the help');
    expect(w.repliesTo(ALICE)[0]).toContain('可以这样开始');
    w.stub.pushGroupMessage({ group: GROUP_ID, user: ALICE, nickname: '李明', message: `[CQ:at,qq=${w.stub.selfId}] 帮助`, messageId: id });
    await waitUntil(() => w.t.logs.lines.some((l) => l.msg === 'duplicate message' && l.messageId === String(id)), 'the duplicate');
    await w.turn(ALICE, '李明', '台账');
    expect(w.repliesTo(ALICE)).toHaveLength(2);
    expect(w.stub.sent()).toHaveLength(2);
  });

  it('private messages are answered privately', async () => {
    const w = await world();
    w.stub.pushPrivateMessage({ user: ALICE, nickname: '李明', message: [{ type: 'text', data: { text: '台账' } }] });
    await waitUntil(() => w.stub.sent({ user: ALICE }).length === 1, 'a private reply');
    const [reply] = w.stub.sent({ user: ALICE });
    expect(reply?.action).toBe('send_private_msg');
    expect(reply?.text).toContain('开始填写');
    expect(reply?.message.map((s) => s.type)).toEqual(['text']);
  });

  it('accepts invitations only to configured groups, greets the group and new members', async () => {
    const w = await world();
    w.stub.push({
      post_type: 'request',
      request_type: 'group',
      sub_type: 'invite',
      group_id: 11_111_111,
      user_id: ALICE,
      comment: '',
      flag: 'flag-other',
    });
    w.stub.push({
      post_type: 'request',
      request_type: 'group',
      sub_type: 'invite',
      group_id: GROUP_ID,
      user_id: ALICE,
      comment: '',
      flag: 'flag-ours',
    });
    await waitUntil(() => w.stub.calls.filter((c) => c.action === 'set_group_add_request').length === 2, 'both answers');
    const answers = Object.fromEntries(
      w.stub.calls.filter((c) => c.action === 'set_group_add_request').map((c) => [c.params.flag, c.params.approve]),
    );
    expect(answers).toEqual({ 'flag-other': false, 'flag-ours': true });
    w.stub.push({
      post_type: 'notice',
      notice_type: 'group_increase',
      sub_type: 'invite',
      group_id: GROUP_ID,
      user_id: w.stub.selfId,
      operator_id: ALICE,
    });
    await waitUntil(() => w.stub.sent({ group: GROUP_ID }).some((s) => s.text.includes('已加入')), 'the greeting');
    w.stub.addMember(BOB, '王芳', '王芳-农科院');
    w.stub.push({
      post_type: 'notice',
      notice_type: 'group_increase',
      sub_type: 'approve',
      group_id: GROUP_ID,
      user_id: BOB,
      operator_id: ALICE,
    });
    await waitUntil(() => w.stub.sent({ group: GROUP_ID }).some((s) => s.text.includes('欢迎')), 'the welcome');
    expect(w.stub.sent({ group: GROUP_ID }).find((s) => s.text.includes('欢迎'))?.text).toContain('欢迎 王芳-农科院 加入本群');
  });

  it('导出 uploads the group’s ledger as an XLSX (by path, or as base64 when configured)', async () => {
    for (const fileTransfer of ['path', 'base64'] as const) {
      const w = await world({ fileTransfer });
      for (const line of LEDGER) await w.turn(ALICE, '李明', line);
      // The group's whole table is its team leader's (a plain member would get only their own rows).
      await w.t.app.roles.grant(`qq:${ALICE}`, { role: 'team-leader', groups: [`qq:${GROUP.id}`] });
      await w.turn(ALICE, '李明', '导出', true);
      await waitUntil(() => w.stub.files.length === 1, 'the upload');
      const [file] = w.stub.files;
      expect(file).toMatchObject({
        action: 'upload_group_file',
        target: GROUP.id,
        name: expect.stringMatching(/^工作台账-光东村帮扶群-[\d-]+\.xlsx$/),
      });
      const rows = await xlsxRows(file!.data);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toContain('水稻育秧技术');
      const call = w.stub.calls.find((c) => c.action === 'upload_group_file')!;
      expect(String(call.params.file).startsWith('base64://')).toBe(fileTransfer === 'base64');
    }
  });

  it('a reminder that names people @-mentions each of them', async () => {
    const w = await world();
    const missing = [
      { id: String(ALICE), name: '李明' },
      { id: String(BOB), name: '王芳' },
    ];
    await w.t.app.dispatcher.notify({ platform: 'qq', chat: { id: GROUP.id, kind: 'group' } }, [
      { kind: 'text', text: '本周台账还差：李明、王芳', mentions: missing },
    ]);
    await waitUntil(() => w.stub.sent({ group: GROUP_ID }).length === 1, 'the reminder');
    const [m] = w.stub.sent({ group: GROUP_ID });
    expect(m?.message).toEqual([
      { type: 'at', data: { qq: String(ALICE) } },
      { type: 'at', data: { qq: String(BOB) } },
      { type: 'text', data: { text: ' 本周台账还差：李明、王芳' } },
    ]);
  });

  it('a failed send is retried and then delivered once', async () => {
    const w = await world();
    w.stub.failNext.set('send_group_msg', 2);
    await w.turn(ALICE, '李明', '台账');
    expect(w.repliesTo(ALICE)).toHaveLength(1);
    expect(w.t.logs.count('send failed; will retry')).toBe(2);
    expect(w.stub.calls.filter((c) => c.action === 'send_group_msg').map((c) => c.ok)).toEqual([false, false, true]);
  });

  it('a wrong access token is refused and reported in the log', async () => {
    const w = await world({}, { token: 'right-token', clientToken: 'wrong-token' });
    await w.t.logs.waitFor('QQ_ONEBOT_TOKEN rejected by the OneBot implementation');
    expect(w.stub.rejected).toBeGreaterThanOrEqual(1);
    expect(w.stub.connections).toBe(0);
  });
});
