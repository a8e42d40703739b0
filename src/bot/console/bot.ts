import { createInterface } from 'node:readline';
import type { ChatRef, OutboundAction, OutboundSink, UserRef } from '../../core/events.js';
import type { Dispatcher } from '../../flows/dispatcher.js';
import { consoleFetcher, decodeLine } from './decode.js';
import { renderAction } from './encode.js';

export interface ConsoleOptions {
  user: UserRef;
  group: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

const BOT = '帮扶> ';
const YOU = '你> ';

/**
 * The local console chat: one user in one group, for trying the bot out and for scripted use.
 * Piped stdin is handled line by line, each reply printed before the next line is read, and the
 * promise resolves at EOF once the last reply is out.
 */
export class ConsoleAdapter implements OutboundSink {
  private readonly chat: ChatRef;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly o: ConsoleOptions,
  ) {
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
      const ev = decodeLine(line, this.chat, this.o.user);
      if (typeof ev === 'string') this.o.output.write(`${BOT}${ev}\n`);
      else if (ev) {
        await this.dispatcher.handle(ev);
        await this.dispatcher.idle();
      }
      if (this.o.interactive) rl.prompt();
    }
    await this.dispatcher.idle();
  }
}
