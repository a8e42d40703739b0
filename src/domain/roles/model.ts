import { z } from 'zod';

/**
 * Who someone is in the help network. Levels (expert … admin) decide what a person may see and
 * change; sign-off roles (unit … city-kx) are the stations of the 项目书 approval chain (003 附件3-4).
 * A grant is scoped: to groups (chat keys) and/or regions (a prefix of a group's bound region, so
 * 吉林省延边州 covers 吉林省延边州龙井市). Admin is never scoped.
 */
export const LEVELS = ['expert', 'team-leader', 'county', 'city', 'province', 'admin'] as const;
export const SIGN_OFF = ['unit', 'county-fpb', 'county-kx', 'city-kx'] as const;
export const ROLE_NAMES = [...LEVELS, ...SIGN_OFF, 'coordinator'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const grantSchema = z.object({
  role: z.enum(ROLE_NAMES),
  groups: z.array(z.string().min(1)).default([]),
  regions: z.array(z.string().min(1)).default([]),
  /** Who granted it and when (config grants: 'config'). */
  by: z.string().default('config'),
  at: z.string().default(''),
});

export type Grant = z.infer<typeof grantSchema>;
export type GrantInput = z.input<typeof grantSchema>;

/** A grant without groups or regions covers everything its level covers: only sensible for admin and province. */
export const isUnscoped = (g: Grant): boolean => g.groups.length === 0 && g.regions.length === 0;
