import type { ChatRef, OutboundAction, Platform, UserRef } from '../../core/events.js';
import { knownGroups } from '../groups.js';
import type { Logger } from '../../log/logger.js';
import type { BindingStore } from '../../store/bindings.js';
import type { DeadlineRepository } from '../../store/deadlines.js';
import type { RecordRepository } from '../../store/records.js';
import type { ReminderClaims } from '../../store/reminders.js';
import { scheduleText } from '../../text/schedule.js';
import type { Deadline } from './deadline.js';
import { currentRung, rungs, type LadderConfig } from './ladder.js';
import type { Roster } from './roster.js';

/** Sends into a group without an inbound message (the dispatcher's sinks, masked). */
export interface GroupNotifier {
  notify(target: { platform: Platform; chat: ChatRef }, actions: OutboundAction[]): Promise<void>;
}

export interface SentReminder {
  deadline: string;
  chatKey: string;
  rung: string;
  missing: string[];
}

/** What a reminder needs of a form: the words that open it, the first shown as the way to start. */
export interface ReminderForm {
  id: string;
  triggers: readonly string[];
}

export interface ReminderDeps {
  /** Exactly-once claims of the rungs sent. */
  claims: ReminderClaims;
  /** Where the bound groups (and their titles) come from. */
  bindings: BindingStore;
  deadlines: DeadlineRepository;
  records: RecordRepository;
  roster: Roster;
  forms: readonly ReminderForm[];
  notifier: GroupNotifier;
  ladder: LadderConfig;
  logger: Logger;
}

const byPinyin = new Intl.Collator('zh-CN');

/** chatKey is `platform:chatId`, both URI-encoded (core/ids.ts). */
function splitChatKey(key: string): { platform: string; chatId: string } {
  const i = key.indexOf(':');
  return { platform: decodeURIComponent(key.slice(0, i)), chatId: decodeURIComponent(key.slice(i + 1)) };
}

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * One pass over every deadline and group: for each, the ladder rung due now (if any) is claimed in
 * Redis with SET NX — the claim, not the process, decides who sends — and posted into the group,
 * naming the members who have not submitted. A claim outlives restarts, so nothing is re-sent.
 */
export class ReminderService {
  constructor(private readonly d: ReminderDeps) {}

  async tick(now: Date): Promise<SentReminder[]> {
    const sent: SentReminder[] = [];
    const groups = new Map((await knownGroups(this.d.bindings, this.d.records)).map((g) => [g.chatKey, g.title]));
    for (const deadline of await this.d.deadlines.list()) {
      const rung = currentRung(rungs(deadline.due, deadline.timezone, this.d.ladder), now, deadline.timezone, this.d.ladder);
      if (!rung) continue;
      const targets = deadline.groups.includes('*') ? [...groups.keys()] : deadline.groups;
      for (const chatKey of targets) {
        if (!(await this.d.claims.claim(deadline.id, deadline.due, chatKey, rung.name, now))) continue;
        try {
          const r = await this.remind(deadline, chatKey, groups.get(chatKey) ?? '', rung.offset);
          if (r) sent.push({ deadline: deadline.id, chatKey, rung: rung.name, missing: r });
        } catch (err) {
          // One group's failure (a platform down) must not stop the others; the claim stays, no retry storm.
          this.d.logger.error({ err, deadline: deadline.id, chatKey }, 'reminder failed');
        }
      }
    }
    return sent;
  }

  /** Who in the group has not submitted the deadline's form; empty when all have. */
  async missing(deadline: Deadline, chatKey: string): Promise<UserRef[]> {
    const from = deadline.opens ?? shiftDays(deadline.due, -120);
    const done = await this.d.roster.authors(deadline.form, chatKey, from);
    if (deadline.per === 'group') return done.size ? [] : [{ id: '', name: '' }];
    const members = await this.d.roster.members(chatKey);
    // A stable, familiar order: by pinyin, as a Chinese name list is read.
    return members.filter((m) => !done.has(m.key)).sort((a, b) => byPinyin.compare(a.name, b.name));
  }

  /** Everyone expected to submit in a group (for progress: submitted of expected). */
  async members(chatKey: string): Promise<UserRef[]> {
    return this.d.roster.members(chatKey);
  }

  private async remind(deadline: Deadline, chatKey: string, title: string, offset: number): Promise<string[] | undefined> {
    const missing = await this.missing(deadline, chatKey);
    if (!missing.length) return undefined;
    const form = this.d.forms.find((f) => f.id === deadline.form);
    const names = deadline.per === 'group' ? [] : missing.map((m) => m.name);
    const text = scheduleText.reminder({
      title: deadline.title,
      due: deadline.due,
      offset,
      missing: names,
      perGroup: deadline.per === 'group',
      trigger: form?.triggers[0] ?? deadline.title,
    });
    const { platform, chatId } = splitChatKey(chatKey);
    const mentions = deadline.per === 'group' ? [] : missing.map(({ id, name }) => ({ id, name }));
    await this.d.notifier.notify({ platform, chat: { id: chatId, kind: 'group', ...(title ? { title } : {}) } }, [
      { kind: 'text', text, mentions },
    ]);
    return names;
  }
}
