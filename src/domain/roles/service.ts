import type { Decision, RoleLookup } from './lookup.js';

export type { Decision };
import type { GrantStore } from '../../store/roles.js';
import { grantSchema, isUnscoped, type Grant, type GrantInput, type RoleName } from './model.js';
import { POLICY, type Action } from './policy.js';

/** Where a group sits: its bound region (WeChat/QQ config) — empty when unknown. */
export type RegionOf = (chatKey: string) => Promise<string>;

/**
 * Role grants kept in Redis (one hash per user, src/store/roles.ts), seeded from config and changed by an admin in chat,
 * and the one `authorize` every command asks. A decision names why it failed so the bot can say so.
 */
export class RoleService implements RoleLookup {
  constructor(
    private readonly store: GrantStore,
    private readonly regionOf: RegionOf,
  ) {}

  async grantsOf(userKey: string): Promise<Grant[]> {
    const raw = await this.store.list(userKey);
    return raw.map((j) => grantSchema.parse(JSON.parse(j)));
  }

  async rolesOf(userKey: string): Promise<RoleName[]> {
    return [...new Set((await this.grantsOf(userKey)).map((g) => g.role))];
  }

  async has(userKey: string, role: RoleName): Promise<boolean> {
    return (await this.rolesOf(userKey)).includes(role);
  }

  async grant(userKey: string, input: GrantInput): Promise<Grant> {
    const g = grantSchema.parse(input);
    await this.store.put(userKey, grantId(g), JSON.stringify(g));
    return g;
  }

  async revoke(userKey: string, role: RoleName): Promise<number> {
    const grants = await this.store.entries(userKey);
    const ids = Object.entries(grants)
      .filter(([, j]) => grantSchema.parse(JSON.parse(j)).role === role)
      .map(([id]) => id);
    return this.store.remove(userKey, ids);
  }

  /** Config grants are the baseline; grants made in chat (by someone other than 'config') are kept. */
  async seedFromConfig(map: Readonly<Record<string, readonly GrantInput[]>>): Promise<void> {
    for (const [userKey, list] of Object.entries(map)) {
      const existing = await this.store.entries(userKey);
      const stale = Object.entries(existing)
        .filter(([, j]) => grantSchema.parse(JSON.parse(j)).by === 'config')
        .map(([id]) => id);
      await this.store.remove(userKey, stale);
      for (const g of list) await this.grant(userKey, { ...g, by: 'config' });
    }
  }

  /** Does one of the user's grants allow `action` on `chatKey` (or anywhere, when chatKey is absent)? */
  async authorize(userKey: string, action: Action, chatKey?: string): Promise<Decision> {
    const allowed: readonly RoleName[] = POLICY[action];
    const grants = (await this.grantsOf(userKey)).filter((g) => allowed.includes(g.role));
    if (!grants.length) return { ok: false, reason: 'no-role' };
    if (chatKey === undefined) return { ok: true };
    const region = grants.some((g) => g.regions.length) ? await this.regionOf(chatKey) : '';
    return grants.some((g) => covers(g, chatKey, region)) ? { ok: true } : { ok: false, reason: 'out-of-scope' };
  }

  /** The groups among `candidates` the user may act on for `action`. */
  async scopeOf(userKey: string, action: Action, candidates: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const c of candidates) if ((await this.authorize(userKey, action, c)).ok) out.push(c);
    return out;
  }
}

function covers(g: Grant, chatKey: string, region: string): boolean {
  if (g.role === 'admin' || isUnscoped(g)) return g.role === 'admin' || g.role === 'province' || g.role === 'coordinator';
  if (g.groups.includes(chatKey)) return true;
  return region !== '' && g.regions.some((r) => region.startsWith(r));
}

const grantId = (g: Grant): string => `${g.role}|${[...g.groups].sort().join(',')}|${[...g.regions].sort().join(',')}`;
