import type { FlowSettings } from '../settings.js';
import type { OutboundAction } from '../../core/events.js';
import { chatKey, userKey } from '../../core/ids.js';
import type { FormSpec } from '../engine/form.js';
import type { GroupInfo } from '../../domain/groups.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';
import type { RoleService } from '../../domain/roles/service.js';
import type { Action } from '../../domain/roles/policy.js';
import type { ReminderService } from '../../domain/reminders/reminders.js';
import type { LlmService } from '../../llm/service.js';
import type { BlobStore } from '../../store/blobs.js';
import type { DeadlineRepository } from '../../store/deadlines.js';
import type { IndicatorRepository } from '../../store/indicators.js';
import type { RecordRepository, StoredRecord } from '../../store/records.js';
import { progressText as t } from '../../text/progress.js';
import { tf } from '../../text/forms.js';
import type { CommandContext } from './command.js';

/**
 * Everything the chat commands are built from, passed in by app.ts. Each command's factory takes
 * only the part it uses; none of them sees Redis or a platform, only these repositories and services.
 */
export interface CommandDeps {
  records: RecordRepository;
  forms: readonly FormSpec[];
  roles: RoleService;
  deadlines: DeadlineRepository;
  reminders: ReminderService;
  indicators: IndicatorRepository;
  /** Every group the bot knows (bound in config or with records), for 范围 words like 龙井市 or 全部. */
  groups: () => Promise<GroupInfo[]>;
  config: FlowSettings;
  /** Attachment bytes, for exports that bundle the files sent with a form. */
  blobs?: BlobStore;
  /** The model that may word a summary's narrative paragraphs. */
  llm?: LlmService;
}

export const say = (text: string): OutboundAction => ({ kind: 'text', text });

/**
 * Who is asking and where their message counts. `here`: the group (this group chat, or an open
 * draft's origin in a private chat; none in a plain private chat). `home`: the chat the user's
 * actions count for — the draft's origin when there is one, else this chat, private or not.
 */
export function asker(ctx: CommandContext): { me: string; here: string | undefined; home: string } {
  const ev = ctx.ev;
  const originChat = ctx.state?.origin?.chatId;
  const here = ev.chat.kind === 'group' ? chatKey(ev.platform, ev.chat.id) : originChat ? chatKey(ev.platform, originChat) : undefined;
  return { me: userKey(ev.platform, ev.user.id), here, home: chatKey(ev.platform, originChat ?? ev.chat.id) };
}

/** The refusal for a denied action, saying whether the role or the scope was missing. */
export async function refuse(
  d: { roles: RoleLookup },
  me: string,
  action: Action,
  what: keyof typeof t.actions,
  chat?: string,
): Promise<OutboundAction | undefined> {
  const decision = await d.roles.authorize(me, action, chat);
  return decision.ok ? undefined : say(t.denied[decision.reason](t.actions[what]));
}

/** The groups with records (`all`), and those whose data the asker may see in full for `action` (`allowed`). */
export async function groupsInScope(
  d: { records: RecordRepository; roles: RoleLookup },
  me: string,
  action: Action,
): Promise<{ all: string[]; allowed: string[] }> {
  const all = Object.keys(await d.records.groupTitles());
  const allowed: string[] = [];
  for (const k of all) if ((await d.roles.authorize(me, action, k)).ok) allowed.push(k);
  return { all, allowed };
}

/** A form named the way people name it: its title, a part of it, or one of its trigger words. */
export function findForm(forms: readonly FormSpec[], words: string): FormSpec | undefined {
  const w = words.trim();
  if (!w) return undefined;
  return forms.find((f) => f.title === w || f.id === w || f.triggers.includes(w)) ?? forms.find((f) => f.title.includes(w));
}

/**
 * The one record a short id (the first word of `args`) names among `forms`: only the asker's own
 * unless `anyone`. A string is the sentence saying why there is none (no id, not found, ambiguous).
 */
export async function findRecord(
  records: RecordRepository,
  forms: readonly FormSpec[],
  args: string,
  me: string,
  anyone: boolean,
): Promise<StoredRecord | string> {
  const id = args.trim().split(' ')[0] ?? '';
  if (!id) return tf.records.needId;
  const hits = await records.findByShortId(
    id,
    forms.map((f) => f.id),
    anyone ? {} : { userKey: me },
  );
  if (hits.length === 0) return tf.records.notFound(id);
  if (hits.length > 1) return tf.records.ambiguous(id);
  return hits[0]!;
}

/** The form a stored record belongs to; every stored record's form is among those the bot was built with. */
export function formOf(forms: readonly FormSpec[], rec: StoredRecord): FormSpec {
  return forms.find((f) => f.id === rec.form)!;
}
