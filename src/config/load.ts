import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { enableTelegramByToken } from '../bot/telegram/config.js';
import { ConfigError } from '../core/config-error.js';
import { configSchema, type Config } from './schema.js';

z.config(z.locales.zhCN());

/** Callers of the loader (cli/, tests) catch its errors from here. */
export { ConfigError };

export const DEFAULT_CONFIG_FILE = 'config/bangfu.yaml';

/**
 * Reads BANGFU_CONFIG (or config/bangfu.yaml when present), applies env overrides and validates.
 * Env wins over the file so a container can be reconfigured without editing YAML.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const explicit = env.BANGFU_CONFIG;
  const file = explicit ?? (existsSync(path.resolve(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  let raw: Record<string, unknown> = {};
  if (file) {
    const full = path.resolve(cwd, file);
    if (!existsSync(full)) throw new ConfigError([`找不到配置文件 ${full}（检查 BANGFU_CONFIG）`], file);
    try {
      const parsed: unknown = parseYaml(readFileSync(full, 'utf8'));
      if (parsed !== null && parsed !== undefined) {
        if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(['文件顶层应为键值映射'], file);
        raw = parsed as Record<string, unknown>;
      }
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError([`YAML 格式错误：${(e as Error).message.split('\n')[0]}`], file);
    }
  }
  const withEnv = applyEnv(raw, env);
  const result = configSchema.safeParse(withEnv);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`),
      file,
    );
  }
  return result.data;
}

function applyEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(raw);
  const section = (k: string): Record<string, unknown> => {
    const v = out[k];
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    const fresh: Record<string, unknown> = {};
    out[k] = fresh;
    return fresh;
  };
  if ('url' in section('redis')) throw new ConfigError(['redis.url: 密码等连接信息只能通过环境变量 REDIS_URL 设置']);
  if (env.REDIS_URL) section('redis').url = env.REDIS_URL;
  if (env.BANGFU_KEY_PREFIX) section('redis').keyPrefix = env.BANGFU_KEY_PREFIX;
  if (env.BANGFU_DATA_DIR) out.dataDir = env.BANGFU_DATA_DIR;
  if (env.BANGFU_LOG_LEVEL) section('log').level = env.BANGFU_LOG_LEVEL;
  if (env.BANGFU_TIMEZONE) out.timezone = env.BANGFU_TIMEZONE;
  enableTelegramByToken(env, () => section('platforms'));
  return out;
}
