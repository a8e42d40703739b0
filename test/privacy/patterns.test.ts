import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/privacy/mask.js';
import { findPersonalNumbers, hasPersonalNumber, STORED_PHONE, WRITTEN_LANDLINE } from '../../src/privacy/patterns.js';
import { redact, restore } from '../../src/privacy/redact.js';
import { parsePhone } from '../../src/flows/parsers/phone.js';

describe('personal numbers in the forms people write them', () => {
  it.each([
    ['13812345678', '138****5678', 'mobile'],
    ['138 1234 5678', '138****5678', 'mobile'],
    ['138-1234-5678', '138****5678', 'mobile'],
    ['+86 138 1234 5678', '+86 138****5678', 'mobile'],
    ['+86-13812345678', '+86-138****5678', 'mobile'],
    ['8613812345678', '86138****5678', 'mobile'],
    ['１３８１２３４５６７８', '138****5678', 'mobile'],
    ['(010)12345678', '010-****5678', 'landline'],
    ['（010）12345678', '010-****5678', 'landline'],
    ['010-12345678', '010-****5678', 'landline'],
    ['010 12345678', '010-****5678', 'landline'],
    ['0431-88886666', '0431-****6666', 'landline'],
    ['0431-8888888-123', '0431-****8888-123', 'landline'],
    ['0433 1234567 转 801', '0433-****4567 转 801', 'landline'],
    ['11010119900307451X', '110101********451X', 'id'],
    ['11010119900307451x', '110101********451x', 'id'],
    ['370102199001011231', '370102********1231', 'id'],
    ['370102 19900101 1231', '370102********1231', 'id'],
    ['370102 1990 0101 1231', '370102********1231', 'id'],
    ['370102-19900101-1231', '370102********1231', 'id'],
    ['３７０１０２１９９００１０１１２３１', '370102********1231', 'id'],
  ])('%s → %s (%s)', (written, masked, kind) => {
    expect(maskPersonalData(written)).toBe(masked);
    expect(maskPersonalData(`电话：${written}。`)).toBe(`电话：${masked}。`);
    const found = findPersonalNumbers(`联系${written}谢谢`);
    expect(found.map((n) => n.kind)).toEqual([kind]);
    expect(`联系${written}谢谢`.slice(found[0]!.start, found[0]!.end)).toBe(written);
  });

  it.each([
    ['two mobiles side by side', '1381234567813987654321', '138****5678139****4321'],
    ['two mobiles side by side, then a letter', '1381234567813987654321x', '138****5678139****4321x'],
    ['two mobiles with a space', '13812345678 13987654321', '138****5678 139****4321'],
    ['two mobiles with 、', '138 1234 5678、139-8765-4321', '138****5678、139****4321'],
    ['two mobiles with /', '13812345678/13987654321', '138****5678/139****4321'],
    ['two IDs side by side', '370102199001011231110101199003074514', '370102********1231110101********4514'],
    ['two IDs, the first ending in X', '11010119900307451X370102199001011231', '110101********451X370102********1231'],
    ['two spaced IDs', '370102 19900101 1231 110101 19900307 4514', '370102********1231 110101********4514'],
    ['an ID then a mobile', '37010219900101123113812345678', '370102********1231138****5678'],
    [
      'an ID, a mobile and a landline',
      '身份证370102199001011231，手机13812345678，座机0431-88886666',
      '身份证370102********1231，手机138****5678，座机0431-****6666',
    ],
  ])('%s: each is masked', (_name, text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['a date', '2026-11-20'],
    ['a compact date', '20261120'],
    ['a date and time', '2026-11-20 13:45'],
    ['a count', '培训45人'],
    ['a postcode', '邮编130000'],
    ['money', '补助4000元，共计138000.50元'],
    ['a short number', '编号 12345'],
    ['ten digits', '1381234567'],
    ['a mobile-like run inside a longer number', '订单号 213812345678'],
    ['a twelve-digit mobile-like run', '138123456789'],
    ['a year range', '2025-2026年度'],
    ['a long serial that is no pair of numbers', '12345678901234567890'],
    ['the mask itself', '138****5678、370102********1231'],
  ])('leaves %s alone', (_name, text) => {
    expect(maskPersonalData(text)).toBe(text);
    expect(hasPersonalNumber(text)).toBe(false);
  });

  it('redaction and the phone parser agree: every phone redacted is read back by the parser', () => {
    for (const written of [
      '13812345678',
      '138 1234 5678',
      '+86 138 1234 5678',
      '（010）12345678',
      '0431-8888888-123',
      '１３８１２３４５６７８',
    ]) {
      const r = redact(`电话${written}`);
      expect(r.text).toBe('电话[号码1]');
      const back = parsePhone(restore('[号码1]', r.numbers));
      expect(back.ok, written).toBe(true);
      if (back.ok) expect(back.value).toMatch(STORED_PHONE);
    }
  });

  it('the parser keeps its strict area codes, the finder hides any', () => {
    expect(WRITTEN_LANDLINE.test('0123-12345678')).toBe(false);
    expect(maskPersonalData('0123-12345678')).toBe('0123-****5678');
  });

  it('runs in linear time on long and hostile input', () => {
    const hostile = ['1'.repeat(200_000), '1 '.repeat(100_000), '0-'.repeat(100_000), '(0'.repeat(100_000), `${'138-'.repeat(50_000)}x`];
    for (const text of hostile) {
      const t0 = performance.now();
      maskPersonalData(text);
      redact(text);
      // Generous: a backtracking pattern takes minutes here, a linear one milliseconds (on a loaded machine).
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});
