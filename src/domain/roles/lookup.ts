import type { RoleName } from './model.js';
import type { Action } from './policy.js';

/** An authorization answer: allowed, or why not (the role is missing, or the group is outside its scope). */
export type Decision = { ok: true } | { ok: false; reason: 'no-role' | 'out-of-scope' };

/**
 * What the form services ask about people: which roles they hold (the 项目书 sign-off stations)
 * and whether an action is allowed on a group. Implemented by roles/service.ts (grants in Redis,
 * scoped to groups or regions).
 */
export interface RoleLookup {
  has(userKey: string, role: RoleName): Promise<boolean>;
  rolesOf(userKey: string): Promise<readonly RoleName[]>;
  authorize(userKey: string, action: Action, chatKey?: string): Promise<Decision>;
}
