import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';

describe('logger', () => {
  it('never writes a phone or ID number in clear, in messages or nested fields', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, cb) => ((out += String(chunk)), cb()) });
    const log = createLogger('info', sink);
    log.info({ user: { phone: '13812345678', note: '身份证110101199003074514' } }, '专家 13987654321 已登记');
    log.error({ err: new Error('bad phone 13812345678') }, 'failed');
    expect(out).not.toMatch(/13812345678|13987654321|110101199003074514/);
    expect(out).toContain('139****4321');
    expect(out).toContain('138****5678');
    expect(out).toContain('110101********4514');
  });
});
