import type { Role } from '../config/forms.js';

/**
 * Who holds which role. Issue 7 (roles and scopes) replaces the config map with its own store and
 * scopes (per county, per city); callers only ever ask through this interface.
 */
export interface RoleLookup {
  has(userKey: string, role: Role): boolean;
  rolesOf(userKey: string): readonly Role[];
}

/** The minimal lookup: config `roles:` maps "platform:userId" to its roles. */
export class ConfigRoles implements RoleLookup {
  constructor(private readonly map: Readonly<Record<string, readonly Role[]>>) {}

  has(userKey: string, role: Role): boolean {
    return this.rolesOf(userKey).includes(role);
  }

  rolesOf(userKey: string): readonly Role[] {
    return this.map[userKey] ?? [];
  }
}

/** A coordinator, or anyone in the sign-off chain, counts as a coordinator for reading and exports. */
export const isCoordinator = (roles: RoleLookup, userKey: string): boolean => roles.rolesOf(userKey).length > 0;
