import type { RoleName } from './model.js';

/**
 * Every permission-checked action and the roles that may do it (within their scope). One table, so
 * the role matrix test can walk every action × role × in/out of scope.
 */
export const POLICY = {
  /** Export a group's or a region's tables. */
  export: ['team-leader', 'county', 'city', 'province', 'admin', 'coordinator'],
  /** /missing with full names and phone numbers. */
  missingFull: ['team-leader', 'county', 'city', 'province', 'admin', 'coordinator'],
  /** /experts with phone numbers in full (members see them masked). */
  expertsFull: ['county', 'city', 'province', 'admin', 'coordinator'],
  /** /progress over groups (an expert always gets 我的进度 instead). */
  progress: ['team-leader', 'county', 'city', 'province', 'admin', 'coordinator'],
  /** /summary: draft a unit's yearly summary. */
  summary: ['team-leader', 'county', 'city', 'province', 'admin', 'coordinator'],
  /** /deadline add | move | remove. */
  deadlines: ['county', 'city', 'province', 'admin'],
  /** /grant and /revoke. */
  grant: ['admin'],
} as const satisfies Record<string, readonly RoleName[]>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];
