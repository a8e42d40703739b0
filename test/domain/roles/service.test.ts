import { afterEach, describe, expect, it } from 'vitest';
import { LEVELS } from '../../../src/domain/roles/model.js';
import { ACTIONS, POLICY } from '../../../src/domain/roles/policy.js';
import { RoleService } from '../../../src/domain/roles/service.js';
import { createKeys } from '../../../src/store/keys.js';
import { GrantStore } from '../../../src/store/roles.js';
import { makeHarness, type Harness } from '../../helpers/harness.js';

let h: Harness;
afterEach(async () => h?.close());

const REGIONS: Record<string, string> = {
  'test:longjing': '吉林省延边州龙井市',
  'test:helong': '吉林省延边州和龙市',
  'test:changchun': '吉林省长春市',
};
const service = (x: Harness) => new RoleService(new GrantStore(x.redis, createKeys(x.prefix)), async (k) => REGIONS[k] ?? '');

/** Each level gets the scope that level naturally has; "in" is a group inside it, "out" one outside. */
const SCOPES: Record<(typeof LEVELS)[number], { grant: { groups?: string[]; regions?: string[] }; inside: string; outside?: string }> = {
  expert: { grant: { groups: ['test:longjing'] }, inside: 'test:longjing', outside: 'test:helong' },
  'team-leader': { grant: { groups: ['test:longjing'] }, inside: 'test:longjing', outside: 'test:helong' },
  county: { grant: { regions: ['吉林省延边州龙井市'] }, inside: 'test:longjing', outside: 'test:helong' },
  city: { grant: { regions: ['吉林省延边州'] }, inside: 'test:helong', outside: 'test:changchun' },
  province: { grant: { regions: ['吉林省'] }, inside: 'test:changchun', outside: 'test:elsewhere' },
  admin: { grant: {}, inside: 'test:elsewhere' },
};

describe('RoleService.authorize: every action × role × in/out of scope', () => {
  for (const action of ACTIONS) {
    for (const level of LEVELS) {
      const allowed = (POLICY[action] as readonly string[]).includes(level);
      const { grant, inside, outside } = SCOPES[level];
      it(`${action} × ${level}: ${allowed ? 'allowed in scope, refused outside' : 'refused'}`, async () => {
        h = makeHarness();
        const roles = service(h);
        await roles.grant(`test:${level}`, { role: level, ...grant });
        const inDecision = await roles.authorize(`test:${level}`, action, inside);
        expect(inDecision).toEqual(allowed ? { ok: true } : { ok: false, reason: 'no-role' });
        if (outside) {
          expect(await roles.authorize(`test:${level}`, action, outside)).toEqual(
            allowed ? { ok: false, reason: 'out-of-scope' } : { ok: false, reason: 'no-role' },
          );
        }
        expect(await roles.authorize('test:nobody', action, inside)).toEqual({ ok: false, reason: 'no-role' });
      });
    }
  }
});

describe('grants', () => {
  it('config grants are replaced on restart, chat grants are kept, revoke removes a role', async () => {
    h = makeHarness();
    const roles = service(h);
    await roles.seedFromConfig({ 'test:u1': [{ role: 'county', regions: ['吉林省延边州龙井市'] }] });
    await roles.grant('test:u1', { role: 'team-leader', groups: ['test:helong'], by: 'test:admin' });
    await roles.seedFromConfig({ 'test:u1': [{ role: 'city', regions: ['吉林省延边州'] }] });
    expect((await roles.rolesOf('test:u1')).sort()).toEqual(['city', 'team-leader']);
    expect(await roles.revoke('test:u1', 'team-leader')).toBe(1);
    expect(await roles.rolesOf('test:u1')).toEqual(['city']);
  });
});
