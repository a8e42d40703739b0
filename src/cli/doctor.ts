import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createLogger } from '../log/logger.js';
import { findRedisServer, NO_REDIS_SERVER, startEmbeddedRedis } from '../store/embedded-redis.js';
import { probeRedis } from '../store/health.js';
import { checkConsole } from '../bot/console/doctor.js';
import { platforms } from '../bot/surfaces.js';
import { bad, pass, type Check } from '../core/surface.js';

/** Reports persistence as a coordinator needs it: will a confirmed record survive a power cut? */
async function checkRedis(url: string, label: string): Promise<Check[]> {
  const health = await probeRedis(url);
  if (!health.reachable) return [bad(`${label} 连不上（${health.error}）：检查 REDIS_URL 的地址、端口和密码，或确认 Redis 已启动。`)];
  const out = [pass(`${label} 可以连接`)];
  const p = health.persistence;
  if (!p) out.push(pass(`${label} 不允许读取 CONFIG（托管 Redis 常见），请在服务商处确认已开启持久化`));
  else if (p.appendonly !== 'yes')
    out.push(bad(`${label} 未开启 AOF 持久化，断电会丢失已确认的记录：在 redis.conf 中设置 appendonly yes 与 appendfsync always。`));
  else if (p.appendfsync !== 'always') {
    out.push(pass(`${label} 已开启 AOF（appendfsync ${String(p.appendfsync)}，断电最多丢失约 1 秒的数据；要求零丢失可设为 always）`));
  } else out.push(pass(`${label} 已开启 AOF，每次写入都落盘`));
  return out;
}

/** `bangfu doctor`: one line per check, each failure with how to fix it. Returns true when all pass. */
export async function runDoctor(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const checks: Check[] = [];
  let config: Config | undefined;
  try {
    config = loadConfig(env);
    checks.push(pass(`配置有效${env.BANGFU_CONFIG ? `（${env.BANGFU_CONFIG}）` : '（默认值）'}`));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    checks.push(...e.problems.map((p) => bad(`配置 ${p}`)));
  }
  if (config) {
    if (config.redis.url) {
      checks.push(...(await checkRedis(config.redis.url, 'Redis（REDIS_URL）')));
    } else if (!findRedisServer(env)) {
      checks.push(bad(NO_REDIS_SERVER));
    } else {
      const dir = path.resolve(config.dataDir);
      try {
        mkdirSync(dir, { recursive: true });
        accessSync(dir, constants.W_OK);
        const embedded = await startEmbeddedRedis(config.dataDir, createLogger('silent'));
        checks.push(...(await checkRedis(embedded.url, `内置 Redis（${dir}/redis）`)));
        await embedded.stop();
      } catch (e) {
        checks.push(bad(`内置 Redis 无法启动：${(e as Error).message}`));
      }
    }
    // The console first, then each platform's own lines, in the registry's order.
    checks.push(...(await checkConsole()));
    for (const p of platforms) checks.push(...(await p.doctor(config, env)));
  }
  for (const c of checks) process.stdout.write(`${c.ok ? '✓' : '✗'} ${c.text}\n`);
  return checks.every((c) => c.ok);
}
