import type { BindingStore } from '../store/bindings.js';
import type { RecordRepository } from '../store/records.js';

/** A group the bot serves, with where it sits (region, team) when it was bound in config. */
export interface GroupInfo {
  chatKey: string;
  title: string;
  region: string;
  team: string;
}

/** Every group the bot knows: bound in config (WeChat/QQ) or with records (any platform). */
export async function knownGroups(bindings: BindingStore, records: RecordRepository): Promise<GroupInfo[]> {
  const out = new Map<string, GroupInfo>();
  for (const [chatKey, title] of Object.entries(await records.groupTitles())) out.set(chatKey, { chatKey, title, region: '', team: '' });
  for (const [chatKey, b] of await bindings.all()) {
    out.set(chatKey, { chatKey, title: b.name ?? out.get(chatKey)?.title ?? '', region: b.region ?? '', team: b.team ?? '' });
  }
  return [...out.values()];
}

/**
 * 范围 words: 本群 (the current group), 全部/所有, or a name that matches groups by title, team or
 * region (龙井市 → every group bound in 吉林省延边州龙井市). Undefined when nothing matches.
 */
export function resolveScope(
  words: string,
  here: string | undefined,
  groups: readonly GroupInfo[],
): { groups: GroupInfo[]; label: string } | undefined {
  const w = words.trim();
  if (w === '' || w === '本群') {
    if (!here) return { groups: [...groups], label: '全部' };
    const g = groups.find((x) => x.chatKey === here);
    return { groups: g ? [g] : [{ chatKey: here, title: '本群', region: '', team: '' }], label: g?.title || '本群' };
  }
  if (['全部', '所有', '所有群', '全部群', '全部工作队'].includes(w)) return { groups: [...groups], label: '全部' };
  const hits = groups.filter((g) => g.title === w || g.team === w || (g.region !== '' && g.region.includes(w)) || g.chatKey === w);
  return hits.length ? { groups: hits, label: w } : undefined;
}
