import type { Keys } from './keys.js';
import type { BangfuRedis } from './redis.js';
import { toBind } from './status.js';

/** A group chat bound to a config entry, as stored; reports by region/team read these. */
export interface GroupBinding {
  platform: string;
  chatId: string;
  name: string;
  region: string;
  team: string;
  /** ISO time of the first binding. */
  boundAt: string;
}

export type BindOutcome = { status: 'bound'; binding: GroupBinding } | { status: 'taken'; owner: string };

/**
 * The group bindings in Redis (keys.groupBindings: chatKey → JSON binding; keys.groupBindingNames:
 * `<platform>:<name>` → the chatKey a name-only config entry was bound to). The one reader and
 * writer of both hashes, apart from a chat migration's move; which config entry binds which chat is
 * decided in src/bot/groupchat/binding.ts.
 */
export class BindingStore {
  constructor(
    private readonly redis: BangfuRedis,
    private readonly keys: Keys,
  ) {}

  /** The binding of a chat; a stored value that is not JSON throws, as it always has. */
  async get(chatKey: string): Promise<GroupBinding | undefined> {
    const json = await this.redis.hget(this.keys.groupBindings(), chatKey);
    return json ? (JSON.parse(json) as GroupBinding) : undefined;
  }

  /** The chatKey a name field was bound to, once. */
  async nameOwner(nameField: string): Promise<string | null> {
    return this.redis.hget(this.keys.groupBindingNames(), nameField);
  }

  /**
   * Binds a chat (see bind-2.lua): by name when `nameField` is set, taking the name over from
   * `replace` (a chatKey found gone) if given. An existing binding keeps its `boundAt`.
   */
  async bind(chatKey: string, nameField: string, binding: GroupBinding, replace = ''): Promise<BindOutcome> {
    const k = this.keys;
    const json = JSON.stringify(binding);
    const r = toBind(await this.redis.bangfuBind(k.groupBindings(), k.groupBindingNames(), chatKey, nameField, json, replace));
    return r.status === 'taken' ? r : { status: 'bound', binding: JSON.parse(r.json) as GroupBinding };
  }

  /** Every binding by chatKey; a malformed one is left out (the binding module reports it when used). */
  async all(): Promise<Map<string, Partial<GroupBinding>>> {
    const out = new Map<string, Partial<GroupBinding>>();
    for (const [chatKey, json] of Object.entries(await this.redis.hgetall(this.keys.groupBindings()))) {
      try {
        const b = JSON.parse(json) as Partial<GroupBinding> | null;
        if (b !== null) out.set(chatKey, b);
      } catch {
        /* a malformed binding is the binding module's to report */
      }
    }
    return out;
  }

  /** The region a group is bound in; empty when it is not bound (or bound without one). */
  async regionOf(chatKey: string): Promise<string> {
    return (await this.get(chatKey))?.region ?? '';
  }
}
