import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import type { ChatRef, InboundEvent } from '../../../src/core/events.js';
import type { CommandContext } from '../../../src/flows/commands/command.js';
import { asker, findForm } from '../../../src/flows/commands/context.js';
import type { ConversationState } from '../../../src/flows/engine/state.js';
import { allForms } from '../../../src/flows/forms/registry.js';
import type { RecordRepository } from '../../../src/store/records.js';

const GROUP: ChatRef = { id: 'g1', kind: 'group', title: '光东村帮扶群' };
const DM: ChatRef = { id: 'u-alice', kind: 'private' };
const config = configSchema.parse({});

function ctx(chat: ChatRef, origin?: { chatId: string; chatTitle: string }): CommandContext {
  const ev: InboundEvent = {
    platform: 'test',
    chat,
    user: { id: 'u-alice', name: '李明' },
    messageId: 'm1',
    text: '/x',
    attachments: [],
    addressed: true,
    sentAt: 0,
  };
  // Only the draft's origin matters to asker(); the rest of a state is the engine's.
  const state = origin ? ({ origin } as ConversationState) : null;
  return { ev, args: '', now: new Date(0), config, records: {} as RecordRepository, state };
}

describe('asker: who asks, and which group their message counts for', () => {
  it('in a group: the group is both here and home', () => {
    expect(asker(ctx(GROUP))).toEqual({ me: 'test:u-alice', here: 'test:g1', home: 'test:g1' });
  });

  it('in a private chat without a draft: no group here; home is the private chat itself', () => {
    expect(asker(ctx(DM))).toEqual({ me: 'test:u-alice', here: undefined, home: 'test:u-alice' });
  });

  it('in a private chat with a draft handed over from a group: that group is here and home', () => {
    expect(asker(ctx(DM, { chatId: 'g1', chatTitle: '光东村帮扶群' }))).toEqual({ me: 'test:u-alice', here: 'test:g1', home: 'test:g1' });
  });
});

describe('findForm: a form named the way people name it', () => {
  it('by title, trigger word or a part of the title; nothing for no words', () => {
    const ledger = allForms.find((f) => f.id === 'ledger')!;
    expect(findForm(allForms, ledger.title)?.id).toBe('ledger');
    expect(findForm(allForms, ledger.triggers[0]!)?.id).toBe('ledger');
    expect(findForm(allForms, '  ')).toBeUndefined();
  });
});
