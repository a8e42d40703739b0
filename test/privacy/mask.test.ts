import { describe, expect, it } from 'vitest';
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
