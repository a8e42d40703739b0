import { afterEach, describe, expect, it } from 'vitest';
import type { ChatRef } from '../../../src/core/events.js';
import { tf } from '../../../src/text/forms.js';
import { GROUP, LEDGER_RUN, makeHarness, say, type Harness } from '../../helpers/harness.js';

/** The one /export: at most a format → the group's ledger; anything else → the official file path. */
const LEADER = { roles: { 'test:u-alice': [{ role: 'team-leader', groups: ['test:g1'] }] } };
const DM: ChatRef = { id: 'u-alice', kind: 'private' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('/export routing', () => {
  it('a format word in any case is still the group ledger', async () => {
    h = makeHarness({ config: LEADER });
    await say(h, LEDGER_RUN);
    h.sink.clear();
    await say(h, ['/export CSV']);
    const file = h.sink.sent.find((s) => s.action.kind === 'file')?.action;
    expect(file?.kind === 'file' && file.fileName.endsWith('.csv')).toBe(true);
  });

  it('a form name, or any other word, asks for the official file, which a member without a role is refused', async () => {
    h = makeHarness();
    await say(h, LEDGER_RUN);
    for (const args of ['台账', 'zip', '2026-11-01']) {
      await say(h, [`/export ${args}`], { chat: GROUP });
      expect(h.sink.last()).toBe(tf.exports.coordinatorsOnly);
    }
  });

  it('a coordinator asking in a group for an official file is sent to the private chat', async () => {
    h = makeHarness({ config: { roles: { 'test:u-alice': ['admin'] } } });
    await say(h, ['导出 统计表']);
    expect(h.sink.last()).toBe(tf.exports.privateOnly);
    await say(h, ['导出 统计表'], { chat: DM });
    expect(h.sink.sent.at(-1)?.action.kind).toBe('file');
  });
});
