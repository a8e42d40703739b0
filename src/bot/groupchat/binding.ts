import { chatKey } from '../../core/ids.js';
import type { Platform } from '../../core/events.js';
import type { Logger } from '../../log/logger.js';
import type { BindingStore, GroupBinding } from '../../store/bindings.js';

export type { GroupBinding } from '../../store/bindings.js';

/** One group of the config: where the bot works, and for which region and team. */
export interface GroupSpec {
  /** The platform's chat id (WeChat room id, QQ group number); absent = bind the first group seen with `name`. */
  id?: string | undefined;
  name: string;
  region: string;
  team: string;
}

export interface GroupBindingsOptions {
  /** Where bindings are kept (Redis, shared by every process). */
  store: BindingStore;
  platform: Platform;
  groups: readonly GroupSpec[];
  logger: Logger;
  now?: () => Date;
  /**
   * Whether a chat id no longer exists for the logged-in account. Web-protocol WeChat puppets
   * (wechat4u) hand out new room ids after every new scan; a name-bound group whose old id is gone
   * may then be bound again under its new id. Absent (QQ): ids are stable and never re-bound.
   */
  isGone?: (chatId: string) => Promise<boolean>;
}

/**
 * Which group chats the bot serves, by chat id. A group's topic can be changed by any member, so it
 * never identifies a group once bound: an entry with an `id` is bound to that chat; an entry with
 * only a `name` is bound once, to the first chat seen with that name (an invitation, the bot joining,
 * a message), and stays with that chat id from then on, even after a rename.
 */
export class GroupBindings {
  private readonly byChat = new Map<string, GroupBinding>();
  private readonly warned = new Set<string>();
  private readonly store: BindingStore;
  private readonly platform: Platform;
  private readonly groups: readonly GroupSpec[];
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(private readonly o: GroupBindingsOptions) {
    this.store = o.store;
    this.platform = o.platform;
    this.groups = o.groups;
    this.logger = o.logger;
    this.now = o.now ?? (() => new Date());
  }

  /** Writes the config's bindings (region/team edits included) and loads the name-bound ones. */
  async sync(): Promise<void> {
    for (const g of this.groups) {
      if (g.id) {
        await this.bind(g.id, g, false);
        continue;
      }
      const owner = await this.store.nameOwner(this.nameField(g.name));
      const chatId = owner ? await this.chatIdOf(owner) : undefined;
      if (chatId) await this.bind(chatId, g, true);
    }
  }

  /** The binding of a chat, binding a name-only entry on first sight; undefined for groups not configured. */
  async resolve(chatId: string, topic?: string): Promise<GroupBinding | undefined> {
    const hit = this.byChat.get(chatId);
    if (hit) return hit;
    const byId = this.groups.find((g) => g.id === chatId);
    if (byId) return this.bind(chatId, byId, false);
    // Bound by another process since our sync (possibly renamed since): trust its claim.
    const b = await this.store.get(chatKey(this.platform, chatId));
    if (b) {
      const spec = this.groups.find((g) => !g.id && g.name === b.name);
      if (spec && (await this.store.nameOwner(this.nameField(spec.name))) === chatKey(this.platform, chatId)) {
        return this.bind(chatId, spec, true);
      }
    }
    const name = topic?.trim();
    const byName = name ? this.groups.find((g) => !g.id && g.name === name) : undefined;
    if (byName) {
      const bound = await this.bind(chatId, byName, true);
      if (bound) return bound;
    }
    this.warnOnce(chatId, `group not in the config; the bot stays silent there (add it to platforms.${this.platform}.groups)`, { topic });
    return undefined;
  }

  /** Whether an invitation to this group should be accepted: configured by id, or by name when ids are unknown. */
  isConfigured(q: { chatId?: string; name?: string }): boolean {
    if (q.chatId && (this.byChat.has(q.chatId) || this.groups.some((g) => g.id === q.chatId))) return true;
    const name = q.name?.trim();
    return Boolean(name && this.groups.some((g) => g.name === name));
  }

  list(): GroupBinding[] {
    return [...this.byChat.values()];
  }

  private async bind(chatId: string, spec: GroupSpec, byName: boolean, replace = ''): Promise<GroupBinding | undefined> {
    const key = chatKey(this.platform, chatId);
    const fresh: GroupBinding = {
      platform: this.platform,
      chatId,
      name: spec.name,
      region: spec.region,
      team: spec.team,
      boundAt: this.now().toISOString(),
    };
    const r = await this.store.bind(key, byName ? this.nameField(spec.name) : '', fresh, replace);
    if (r.status === 'taken') {
      const owner = r.owner;
      const ownerId = await this.chatIdOf(owner);
      if (!replace && this.o.isGone && (ownerId === undefined || (await this.o.isGone(ownerId)))) {
        this.logger.warn(
          { platform: this.platform, name: spec.name, from: ownerId, to: chatId },
          'group re-bound: its old chat id no longer exists (new login session)',
        );
        if (ownerId) this.byChat.delete(ownerId);
        return this.bind(chatId, spec, byName, owner);
      }
      this.warnOnce(chatId, 'another group was already bound under this name; this one is not served', { name: spec.name, boundTo: owner });
      return undefined;
    }
    const binding = r.binding;
    if (!this.byChat.has(chatId))
      this.logger.info({ platform: this.platform, chatId, name: binding.name, region: binding.region, team: binding.team }, 'group bound');
    this.byChat.set(chatId, binding);
    return binding;
  }

  private async chatIdOf(key: string): Promise<string | undefined> {
    return (await this.store.get(key))?.chatId;
  }

  private nameField(name: string): string {
    return `${encodeURIComponent(this.platform)}:${name}`;
  }

  private warnOnce(chatId: string, msg: string, extra: Record<string, unknown>): void {
    if (this.warned.has(chatId)) return;
    this.warned.add(chatId);
    this.logger.warn({ platform: this.platform, chatId, ...extra }, msg);
  }
}
