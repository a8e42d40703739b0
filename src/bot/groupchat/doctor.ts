import { pass, type Check } from '../../core/surface.js';
import type { GroupSpec } from './binding.js';
import type { PacingOptions } from './sender.js';

/**
 * `bangfu doctor` lines that WeChat and QQ word alike; each platform's own doctor.ts puts them
 * after its connection checks.
 */
export function groupsLine(label: string, groups: readonly GroupSpec[], path: string): Check {
  if (!groups.length) return pass(`${label}：未配置群，机器人只回复私聊；在 ${path} 中加入要服务的群`);
  const noId = groups.filter((g) => !g.id).length;
  const names = groups.map((g) => `${g.name}${g.region ? `（${g.region}）` : ''}`).join('、');
  return pass(
    `${label}：服务 ${groups.length} 个群：${names}${noId ? `；其中 ${noId} 个未填 id，第一次见到同名群时按群 id 绑定一次` : ''}`,
  );
}

export const pacingLine = (label: string, p: PacingOptions): Check =>
  pass(`${label}：消息排队发送，每条间隔 ${p.minDelayMs / 1000}–${p.maxDelayMs / 1000} 秒`);
