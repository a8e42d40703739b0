/**
 * The one inbound and one outbound shape every platform adapter speaks.
 * Nothing outside src/bot may know which chat platform a message came from
 * beyond the `platform` string, so forms, store and exports stay platform-free.
 */

export type Platform = 'console' | 'telegram' | 'wechat' | 'qq' | (string & {});

export type ChatKind = 'private' | 'group';

export interface ChatRef {
  id: string;
  kind: ChatKind;
  /** Human name of the group; used in exports and reminders, never as an identity. */
  title?: string;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface Attachment {
  kind: 'image' | 'file' | 'voice' | 'video';
  /** Adapter-specific handle to download the bytes later (file_id, FileBox JSON, path). */
  ref: string;
  fileName?: string;
  mime?: string;
  size?: number;
}

export interface InboundEvent {
  platform: Platform;
  chat: ChatRef;
  user: UserRef;
  /** Unique within (platform, chat); the dedupe key for redeliveries. */
  messageId: string;
  text: string;
  attachments: Attachment[];
  /** True when the bot was @-mentioned, replied to, or the chat is private. */
  addressed: boolean;
  /** Epoch ms when the platform says it was sent (or received, if unknown). */
  sentAt: number;
}

export interface Choice {
  label: string;
  /** Text the engine understands when the user taps/types this choice. */
  value: string;
}

export type OutboundAction =
  /** `mentions`: people the text names, for platforms that can @ them (reminders naming who is missing). */
  | { kind: 'text'; text: string; hints?: string[]; mentions?: UserRef[] }
  | { kind: 'choices'; text: string; choices: Choice[]; hints?: string[] }
  | { kind: 'file'; fileName: string; mime: string; data: Buffer; caption?: string };

/** Where a batch of replies goes: the chat, and the user they answer (for selective replies). */
export interface ReplyTarget {
  platform: Platform;
  chat: ChatRef;
  user?: UserRef;
  replyToMessageId?: string;
}

/** What an adapter offers the dispatcher for sending; adapters own pacing and retries. */
export interface OutboundSink {
  send(target: ReplyTarget, actions: OutboundAction[]): Promise<void>;
}
