import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkQq } from '../../../src/bot/qq/doctor.js';
import { checkWechat } from '../../../src/bot/wechat/doctor.js';
import { configSchema, type Config } from '../../../src/config/schema.js';
import { OneBotStub } from '../../helpers/onebot-stub.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function dataDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bangfu-doctor-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The WeChat and QQ lines of `bangfu doctor`, in its order: each platform's doctor, one after the other. */
async function checkGroupSurfaces(config: Config, env: NodeJS.ProcessEnv) {
  return [...(await checkWechat(config, env)), ...(await checkQq(config, env))];
}

const GROUPS = [{ id: '734512998', name: '光东村帮扶群', region: '龙井市' }];

describe('bangfu doctor: WeChat and QQ', () => {
  it('QQ: reachable with the right token names the logged-in account; a wrong token or a dead port says how to fix it', async () => {
    const stub = await OneBotStub.start({ token: 's3cret', selfId: 10001 });
    cleanups.push(() => stub.close());
    const config = configSchema.parse({ platforms: { qq: { enabled: true, groups: GROUPS } } });
    const ok = await checkGroupSurfaces(config, { QQ_ONEBOT_URL: stub.url, QQ_ONEBOT_TOKEN: 's3cret' });
    expect(ok.every((c) => c.ok)).toBe(true);
    expect(ok[0]?.text).toBe(`QQ：已连接 ${stub.url}，登录账号 10001（帮扶）`);
    expect(ok[1]?.text).toContain('服务 1 个群：光东村帮扶群（龙井市）');

    const wrong = await checkGroupSurfaces(config, { QQ_ONEBOT_URL: stub.url, QQ_ONEBOT_TOKEN: 'guess' });
    expect(wrong[0]).toEqual({ ok: false, text: expect.stringContaining('检查 QQ_ONEBOT_TOKEN') });

    const port = await closedPort();
    const down = await checkGroupSurfaces(config, { QQ_ONEBOT_URL: `ws://127.0.0.1:${port}` });
    expect(down[0]).toEqual({ ok: false, text: expect.stringContaining('QQ 实现（NapCat/Lagrange）未启动') });

    const unset = await checkGroupSurfaces(config, {});
    expect(unset[0]).toEqual({ ok: false, text: expect.stringContaining('未设置 QQ_ONEBOT_URL') });
  });

  it('WeChat: names the puppet, says whether a login session is kept, flags a puppet that is not installed', async () => {
    const dir = dataDir();
    const config = configSchema.parse({ dataDir: dir, platforms: { wechat: { enabled: true, groups: [{ name: '光东村帮扶群' }] } } });
    const first = await checkGroupSurfaces(config, {});
    expect(first.every((c) => c.ok)).toBe(true);
    expect(first.map((c) => c.text)).toEqual([
      '微信：使用 wechaty-puppet-wechat4u',
      expect.stringContaining('还没有登录会话'),
      expect.stringContaining('1 个未填 id，第一次见到同名群时按群 id 绑定一次'),
      '微信：消息排队发送，每条间隔 1–3 秒',
    ]);
    mkdirSync(path.join(dir, 'wechat'), { recursive: true });
    writeFileSync(path.join(dir, 'wechat', 'session.memory-card.json'), JSON.stringify({ 'PUPPET-WECHAT4U': { uin: 1 } }));
    expect((await checkGroupSurfaces(config, {}))[1]?.text).toContain('已保存登录会话');

    const missing = await checkGroupSurfaces(config, { WECHATY_PUPPET: 'wechaty-puppet-not-installed' });
    expect(missing[0]).toEqual({ ok: false, text: expect.stringContaining('没有安装') });
    const service = await checkGroupSurfaces(config, { WECHATY_PUPPET: 'wechaty-puppet-service' });
    expect(service[1]).toEqual({ ok: false, text: expect.stringContaining('WECHATY_PUPPET_TOKEN') });
  });

  it('says nothing about surfaces the config does not enable', async () => {
    expect(await checkGroupSurfaces(configSchema.parse({}), {})).toEqual([]);
  });
});
