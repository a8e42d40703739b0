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
  };
}
