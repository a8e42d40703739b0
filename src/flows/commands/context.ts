import type { Config } from '../../config/schema.js';
import type { OutboundAction } from '../../core/events.js';
import { chatKey, userKey } from '../../core/ids.js';
import type { FormSpec } from '../engine/form.js';
import { knownGroups, type GroupInfo } from '../../domain/groups.js';
import type { RoleService } from '../../domain/roles/service.js';
import type { Action } from '../../domain/roles/policy.js';
import type { ReminderService } from '../../domain/reminders/reminders.js';
import type { BindingStore } from '../../store/bindings.js';
import type { DeadlineRepository } from '../../store/deadlines.js';
import type { IndicatorRepository } from '../../store/indicators.js';
import type { Keys } from '../../store/keys.js';
import type { RecordRepository } from '../../store/records.js';
import { progressText as t } from '../../text/progress.js';
import type { CommandContext } from './command.js';

/** What the coordinators' commands (progress, missing, deadlines, 两数, roles) work with. */
export interface OversightDeps {
  bindings: BindingStore;
  keys: Keys;
  records: RecordRepository;
  roles: RoleService;
  deadlines: DeadlineRepository;
  reminders: ReminderService;
  indicators: IndicatorRepository;
  forms: readonly FormSpec[];
  config: Config;
}

export const say = (text: string): OutboundAction => ({ kind: 'text', text });

/** Who is asking, and the group their message counts for (an open draft's origin, in a private chat). */
export function asker(ctx: CommandContext): { me: string; here: string | undefined } {
  const ev = ctx.ev;
  const originChat = ctx.state?.origin?.chatId;
  const here = ev.chat.kind === 'group' ? chatKey(ev.platform, ev.chat.id) : originChat ? chatKey(ev.platform, originChat) : undefined;
  return { me: userKey(ev.platform, ev.user.id), here };
}

export async function groupsOf(d: OversightDeps): Promise<GroupInfo[]> {
  return knownGroups(d.bindings, d.records);
}

/** The refusal for a denied action, saying whether the role or the scope was missing. */
export async function refuse(d: OversightDeps, me: string, action: Action, what: keyof typeof t.actions, chat?: string): Promise<OutboundAction | undefined> {
  const decision = await d.roles.authorize(me, action, chat);
  return decision.ok ? undefined : say(t.denied[decision.reason](t.actions[what]));
}

/** A form named the way people name it: its title, a part of it, or one of its trigger words. */
export function findForm(forms: readonly FormSpec[], words: string): FormSpec | undefined {
  const w = words.trim();
  if (!w) return undefined;
  return forms.find((f) => f.title === w || f.id === w || f.triggers.includes(w)) ?? forms.find((f) => f.title.includes(w));
}
