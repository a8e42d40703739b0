/**
 * Every Redis key bangfu uses, in one place (as BullMQ's queue-keys.ts). All keys start with the
 * configured prefix, so several deployments or test runs can share one Redis without touching
 * each other. `conv` and `chat`/`user` ids are already namespaced and URI-encoded (core/ids.ts).
 */
export interface Keys {
  prefix: string;
  /** JSON ConversationState of one user in one chat; expires after the conversation TTL. */
  convState(conv: string): string;
  /** List of inbound messages waiting for this conversation, oldest first; the head is in progress. */
  convInbox(conv: string): string;
  /** Holder token of the conversation's processing lock (SET NX PX). */
  convLock(conv: string): string;
  /** Marks a platform message id as received, for dedupe of redeliveries. */
  seen(chat: string, messageId: string): string;
  /** One confirmed record, JSON. */
  record(form: string, id: string): string;
  /** Sorted sets of record ids, score = record date as YYYYMMDD. */
  idxAll(form: string): string;
  idxGroup(form: string, chat: string): string;
  idxUser(form: string, user: string): string;
  /** Hash chatKey → group title, so exports and `--group 群名` can name groups. */
  groups(): string;
  /** List of JSON change entries of one record (who, when, before/after), oldest first; never trimmed. */
  recordAudit(form: string, id: string): string;
  /** Hash chatKey → JSON {platform, chatId, name, region, team, boundAt}: WeChat/QQ groups bound by chat id. */
  groupBindings(): string;
  /** Hash `<platform>:<name>` → chatKey: the chat a config entry without an id was bound to, once. */
  groupBindingNames(): string;
  /** Paced outbox of one sending account: waiting messages (LPUSH in, RPOPLPUSH out, oldest on the right). */
  outboxQueue(account: string): string;
  /** The message being delivered (at most one); left here by a crash and delivered by the next sender. */
  outboxSending(account: string): string;
  /** Messages that failed every attempt, kept for a coordinator to look at. */
  outboxDead(account: string): string;
  /** Token of the one sender allowed to deliver for the account (SET NX PX), so order holds across processes. */
  outboxLease(account: string): string;
  /** Set of chatKeys where the bot was blocked or removed (Telegram 403); cleared when the chat speaks again. */
  inactiveChats(): string;
  /** Marks a platform update whose effect happens outside the conversation mailbox (an export, a hand-over). */
  updateDone(platform: string, bot: string, updateId: string): string;
  /** The inline keyboard a user may still tap in a chat: "<messageId>|<JSON values>"; replaced by each newer one. */
  liveKeyboard(chat: string, user: string): string;
  /** The user a bot question in a group was addressed to, so someone else's reply to it is not taken as theirs. */
  promptOwner(chat: string, messageId: string): string;
  /** Hash deadline id → JSON Deadline (config ones are upserted at start, chat ones added by coordinators). */
  deadlines(): string;
  /** Set once when a reminder rung of a deadline was sent (or superseded) in a group: never again. */
  reminderSent(deadlineId: string, chat: string, rung: string): string;
  /** node-cron run coordinator lease: one process per scheduled slot. */
  cronLease(slot: string): string;
  /** Hash grant id → JSON Grant of one user (roles with their scope). */
  roleGrants(userKey: string): string;
  /** Set of user keys that hold any grant, for listing roles. */
  roleUsers(): string;
  /** Hash of coordinator-reported "两数" figures of one group (农技协数, 脱贫人数). */
  indicators(chat: string): string;
  /** LLM calls of one scope (`user:<userKey>` or `global`) in one minute window; expires after the window. */
  llmWindow(scope: string, minute: number): string;
  /** Hash of one local day's LLM usage: `tokens`, `calls`, and `tokens:<chatKey>` / `calls:<chatKey>` per group. */
  llmUsage(day: string): string;
}

export function createKeys(prefix: string): Keys {
  return {
    prefix,
    convState: (c) => `${prefix}conv:${c}:state`,
    convInbox: (c) => `${prefix}conv:${c}:inbox`,
    convLock: (c) => `${prefix}conv:${c}:lock`,
    seen: (chat, id) => `${prefix}seen:${chat}:${encodeURIComponent(id)}`,
    record: (form, id) => `${prefix}rec:${form}:${id}`,
    idxAll: (form) => `${prefix}idx:${form}:all`,
    idxGroup: (form, chat) => `${prefix}idx:${form}:group:${chat}`,
    idxUser: (form, user) => `${prefix}idx:${form}:user:${user}`,
    groups: () => `${prefix}groups`,
    recordAudit: (form, id) => `${prefix}audit:${form}:${id}`,
    groupBindings: () => `${prefix}groupchat:bindings`,
    groupBindingNames: () => `${prefix}groupchat:binding-names`,
    outboxQueue: (a) => `${prefix}outbox:${encodeURIComponent(a)}:queue`,
    outboxSending: (a) => `${prefix}outbox:${encodeURIComponent(a)}:sending`,
    outboxDead: (a) => `${prefix}outbox:${encodeURIComponent(a)}:dead`,
    outboxLease: (a) => `${prefix}outbox:${encodeURIComponent(a)}:lease`,
    inactiveChats: () => `${prefix}chats:inactive`,
    updateDone: (p, bot, u) => `${prefix}update:${encodeURIComponent(p)}:${encodeURIComponent(bot)}:${encodeURIComponent(u)}`,
    liveKeyboard: (chat, user) => `${prefix}kb:${chat}:${encodeURIComponent(user)}`,
    promptOwner: (chat, id) => `${prefix}prompt:${chat}:${encodeURIComponent(id)}`,
    deadlines: () => `${prefix}deadlines`,
    reminderSent: (d, chat, rung) => `${prefix}reminded:${d}:${chat}:${rung}`,
    cronLease: (slot) => `${prefix}cron:${slot}`,
    roleGrants: (u) => `${prefix}roles:${u}`,
    roleUsers: () => `${prefix}roles:users`,
    indicators: (chat) => `${prefix}indicators:${chat}`,
    llmWindow: (scope, minute) => `${prefix}llm:rate:${scope}:${minute}`,
    llmUsage: (day) => `${prefix}llm:usage:${day}`,
  };
}
