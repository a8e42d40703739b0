import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { maskIdCard, maskPersonalData, maskPhone } from '../../src/privacy/mask.js';

describe('masking personal numbers', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['电话：13812345678。', '电话：138****5678。'],
    ['0431-88886666', '0431-****6666'],
    ['010 12345678', '010-****5678'],
  ])('phone %s → %s', (input, out) => expect(maskPhone(input)).toBe(out));

  it('ID numbers keep region and last four', () => {
    expect(maskIdCard('身份证 11010119900307451X 李明')).toBe('身份证 110101********451X 李明');
  });

  it('leaves ordinary numbers alone: counts, dates, amounts', () => {
    const text = '2026-11-20 培训 45 人次，补助 4000 元，编号 12345';
    expect(maskPersonalData(text)).toBe(text);
  });
});

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
