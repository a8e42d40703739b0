import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Child } from '../helpers/child.js';

const bin = path.resolve('bin/bangfu.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'bangfu-e2e-'));
const env: NodeJS.ProcessEnv = { ...process.env, BANGFU_DATA_DIR: dataDir, BANGFU_LOG_LEVEL: 'warn' };
delete env.REDIS_URL;
delete env.BANGFU_CONFIG;
delete env.BANGFU_KEY_PREFIX;

const pidFile = path.join(dataDir, 'redis', 'redis.pid');
function embeddedPid(): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

afterAll(() => {
  const pid = embeddedPid();
  if (pid) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const startBot = (): Child => new Child(process.execPath, [bin, 'start', '--console', '--name', '李明', '--group', '光东村帮扶群'], env);

describe('console bot as a user runs it (embedded Redis, no REDIS_URL)', () => {
  it('survives kill -9 mid-form: the restart resumes the draft and export shows one record', async () => {
    const first = startBot();
    const step = async (bot: Child, text: string, expectLine: string) => {
      bot.send(text);
      return bot.next((l) => l.includes(expectLine), `reply containing ${expectLine} after "${text}"`);
    };
    await step(first, '台账', '【1/6】时间');
    await step(first, '2026年11月20日', '【2/6】地点');
    await step(first, '光东村', '【3/6】帮扶活动形式');
    first.proc.kill('SIGKILL');
    await first.exit();
    // The embedded redis-server outlived the bot: the restart must adopt it, not be blocked by it.
    expect(embeddedPid()).toBeDefined();

    const second = startBot();
    second.send('查看');
    await second.next((l) => l.includes('2. 地点：光东村'), 'draft shows the place typed before the crash');
    await second.next((l) => l.includes('【3/6】帮扶活动形式'), 'the question where the user was');
    await step(second, '1', '【4/6】内容');
    await step(second, '水稻育秧技术', '【5/6】参加人次');
    await step(second, '四十五人', '【6/6】服务效果');
    await step(second, '群众反映良好', '请核对');
    await step(second, '确认', '已保存');
    second.proc.stdin.end();
    expect(await second.exit()).toBe(0);
    // The last process out shuts the embedded server down.
    expect(embeddedPid()).toBeUndefined();

    const exported = spawnSync(process.execPath, [bin, 'export', '--form', 'ledger', '--format', 'csv', '--out', '-'], {
      env,
      encoding: 'utf8',
    });
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const rows = exported.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(rows[0]).toBe('序号,时间,地点,帮扶活动形式,内容,参加人次,服务效果,专家,群组,录入时间');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^1,2026-11-20,光东村,技术培训,水稻育秧技术,45,群众反映良好,李明,光东村帮扶群,\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }, 60_000);

  it('with piped stdin it answers every line in order and exits 0 at end of input', () => {
    const input = ['帮助', '台账', '昨天', '取消', '再见', ''].join('\n');
    const r = spawnSync(process.execPath, [bin, 'start', '--console'], { env, input, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = r.stdout;
    const order = ['发送「台账」填写《工作台账》', '【1/6】时间', '【2/6】地点', '已取消《工作台账》', '没有听懂'].map((s) =>
      out.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(embeddedPid()).toBeUndefined();
  }, 30_000);

  it('without redis-server on PATH and no REDIS_URL it says how to fix it in one line', () => {
    // A PATH with node alone (node and redis-server share /usr/bin on Debian).
    const onlyNode = path.join(dataDir, 'bin');
    mkdirSync(onlyNode, { recursive: true });
    symlinkSync(process.execPath, path.join(onlyNode, 'node'));
    const r = spawnSync(process.execPath, [bin, 'start', '--console'], {
      env: { ...env, PATH: onlyNode, BANGFU_DATA_DIR: path.join(dataDir, 'other') },
      input: '',
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('apt-get install -y redis-server');
    expect(r.stderr).toContain('REDIS_URL');
  }, 30_000);

  it('a bad config stops start-up naming the field and the reason', () => {
    const cfg = path.join(dataDir, 'bad.yaml');
    spawnSync('sh', ['-c', `printf 'conversation:\\n  ttlDays: -3\\n' > ${cfg}`]);
    const r = spawnSync(process.execPath, [bin, 'start', '--console'], {
      env: { ...env, BANGFU_CONFIG: cfg },
      input: '',
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('conversation.ttlDays');
    expect(r.stderr).toMatch(/过小|>0/);
  }, 30_000);
});
