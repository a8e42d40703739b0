import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AttachmentFetcher } from '../../core/attachments.js';
import type { Attachment, ChatRef, InboundEvent, OutboundAction, OutboundSink, UserRef } from '../../core/events.js';
import { mimeOfFile } from '../../core/mime.js';
import type { Dispatcher } from '../../flows/dispatcher.js';

export interface ConsoleOptions {
  user: UserRef;
  group: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

const BOT = '帮扶> ';
const YOU = '你> ';

/** Plain-text rendering: choices become a numbered list, hints a short line of what one may type. */
export function renderAction(a: OutboundAction): string {
  switch (a.kind) {
    case 'text':
      return a.text;
    case 'choices':
      return `${a.text}\n${a.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n')}`;
    case 'file':
      return `[文件] ${a.fileName}${a.caption ? ` —— ${a.caption}` : ''}`;
  }
}

/**
 * `/file 路径 [说明]` sends a local file as a file (as "send as file" does on a phone: the original
 * bytes), `/photo 路径 [说明]` as a photo; the 说明 is the message text, as a caption is.
 */
const FILE_COMMAND = /^\/(file|photo)\s+(?:"([^"]+)"|(\S+))(?:\s+(.*))?$/;

/** The console's attachments are local paths: reading them is the download. */
export const consoleFetcher: AttachmentFetcher = { fetch: (a: Attachment) => readFile(a.ref) };

/**
 * The local console chat: one user in one group, for trying the bot out and for scripted use.
 * Piped stdin is handled line by line, each reply printed before the next line is read, and the
 * promise resolves at EOF once the last reply is out.
 */
export class ConsoleAdapter implements OutboundSink {
  private readonly chat: ChatRef;

  constructor(private readonly dispatcher: Dispatcher, private readonly o: ConsoleOptions) {
    this.chat = { id: o.group, kind: 'group', title: o.group };
    dispatcher.registerSink('console', this);
    dispatcher.registerFetcher('console', consoleFetcher);
  }

  async send(_target: unknown, actions: OutboundAction[]): Promise<void> {
    for (const a of actions) this.o.output.write(`${BOT}${renderAction(a)}\n`);
  }

  async run(): Promise<void> {
    const rl = createInterface({ input: this.o.input, terminal: this.o.interactive });
    if (this.o.interactive) {
      this.o.output.write(`${BOT}您好，${this.o.user.name}！发送「帮助」查看用法，发送「台账」开始记录。Ctrl+D 退出。\n`);
      rl.setPrompt(YOU);
      rl.prompt();
    }
    for await (const line of rl) {
      const text = line.trim();
      const file = FILE_COMMAND.exec(text);
      if (file) {
        const ev = this.fileEvent(file[1] === 'photo' ? 'image' : 'file', file[2] ?? file[3]!, file[4] ?? '');
        if (typeof ev === 'string') this.o.output.write(`${BOT}${ev}\n`);
        else {
          await this.dispatcher.handle(ev);
          await this.dispatcher.idle();
        }
      } else if (text) {
        await this.dispatcher.handle(this.event(text));
        await this.dispatcher.idle();
      }
      if (this.o.interactive) rl.prompt();
    }
    await this.dispatcher.idle();
  }

  private fileEvent(kind: Attachment['kind'], file: string, caption: string): InboundEvent | string {
    const full = path.resolve(file);
    if (!existsSync(full) || !statSync(full).isFile()) return `找不到文件：${full}`;
    const attachment: Attachment = { kind, ref: full, fileName: path.basename(full), mime: mimeOfFile(full), size: statSync(full).size };
    return { ...this.event(caption), attachments: [attachment] };
  }

  private event(text: string): InboundEvent {
    return {
      platform: 'console',
      chat: this.chat,
      user: this.o.user,
      messageId: randomUUID(),
      text,
      attachments: [],
      // The console user is always talking to the bot.
      addressed: true,
      sentAt: Date.now(),
    };
  }
}
