import { describe, expect, it } from 'vitest';
import { idCardInfo, parseIdCard } from '../../../src/flows/parsers/idcard.js';
import { parseDecimal, parseEmail, parsePostcode, parseRegion } from '../../../src/flows/parsers/misc.js';
import { parseMulti } from '../../../src/flows/parsers/multi.js';
import { parsePhone } from '../../../src/flows/parsers/phone.js';
import { parseCount } from '../../../src/flows/parsers/count.js';

const ctx = { now: new Date('2026-11-23T10:00:00+08:00'), timezone: 'Asia/Shanghai' };
const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T | string => (r.ok ? r.value : `✗ ${r.reason}`);

describe('身份证号 (GB 11643)', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X'],
    ['11010519491231002x', '11010519491231002X'],
    ['2204 0319 8507 1500 15', '220403198507150015'],
    ['１１０１０１１９９００３０７４５１４', '110101199003074514'],
  ])('accepts %s', (input, out) => expect(value(parseIdCard(input, ctx))).toBe(out));

  it.each([
    ['220403198507150012', '校验位不符'],
    ['22040319850715001', '应为 18 位，您输入了 17 位'],
    ['2204031985071500AB', '前 17 位应为数字'],
    ['990403198507150015', '地区码'],
    ['220000198507150015', '地区码'],
    ['220403198502300015', '出生日期'],
    ['220403203001010015', '出生日期'],
  ])('refuses %s with a reason', (input, reason) => expect(value(parseIdCard(input, ctx))).toContain(reason));

  it('reads province, birth date and sex from a valid number', () => {
    expect(idCardInfo('220403198507150015')).toEqual({ province: '吉林', birthDate: '1985-07-15', sex: '男' });
    expect(idCardInfo('11010519491231002X').sex).toBe('女');
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0431-88888888', '0431-88888888'],
    ['(010)12345678', '010-12345678'],
    ['0433 1234567 转 801', '0433-1234567-801'],
    ['02112345678', '021-12345678'],
  ])('accepts %s', (input, out) => expect(value(parsePhone(input))).toBe(out));

  it.each(['1381234567', '12812345678', '88888888', '0881-123', '电话'])('refuses %s', (input) => {
    expect(value(parsePhone(input))).toContain('✗');
  });

  it('a mobile-only field refuses a landline', () =>
    expect(value(parsePhone('0431-88888888', { mobileOnly: true }))).toContain('11 位手机号'));
});

describe('multi-select boxes', () => {
  const causes = ['因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '自身发展动力不足'];
  it.each([
    ['1 3 5', ['因病', '因学', '缺土地']],
    ['5、1，3', ['因病', '因学', '缺土地']],
    ['因病 缺技术', ['因病', '缺技术']],
    ['缺技术因病', ['因病', '缺技术']],
    ['1 1 因病', ['因病']],
    ['因病 其它：缺资金', ['因病', '其它：缺资金']],
    ['7 缺资金', ['缺技术', '其它：缺资金']],
    ['10 缺资金', ['其它：缺资金']],
  ])('%s → %j', (input, out) => expect(value(parseMulti(input, causes, '其它'))).toEqual(out));

  it('refuses an unknown box when there is no 其他 line, naming the options', () => {
    expect(value(parseMulti('种植 林业', ['种植', '养殖']))).toContain('「林业」不是选项之一');
    expect(value(parseMulti('3', ['种植', '养殖']))).toContain('1.种植 2.养殖');
  });

  it('asks what 其他 is when it is ticked without text', () => {
    expect(value(parseMulti('种植 其他', ['种植', '养殖'], '其他'))).toContain('请写出具体内容');
    expect(value(parseMulti('3', ['种植', '养殖'], '其他'))).toContain('请写出具体内容');
  });
});

describe('numbers, codes and places', () => {
  it('decimals with units', () => {
    const o = { min: 0, max: 1000, units: ['亩'] };
    expect(value(parseDecimal('2.5亩', o))).toBe(2.5);
    expect(value(parseDecimal('3', o))).toBe(3);
    // The same number words as every other kind (chinese-number.ts): 两亩 is two.
    expect(value(parseDecimal('两亩', o))).toBe(2);
    expect(value(parseDecimal('2000', o))).toContain('0 到 1000亩');
    expect(value(parseDecimal('3个半小时', { min: 0.5, max: 24, units: ['小时', '个小时'] }))).toBe(3.5);
  });

  it('counts may be zero where the form allows it, and take 天/户 units', () => {
    expect(value(parseCount('0', 100, 0))).toBe(0);
    expect(value(parseCount('0', 100))).toContain('✗');
    expect(value(parseCount('120天', 1000, 0))).toBe(120);
    expect(value(parseCount('35户', 1000))).toBe(35);
  });

  it('postcodes, emails', () => {
    expect(value(parsePostcode('133000'))).toBe('133000');
    expect(value(parsePostcode('033000'))).toContain('✗');
    expect(value(parseEmail('Zhang.San@163.COM'))).toBe('zhang.san@163.com');
    expect(value(parseEmail('zhangsan@'))).toContain('✗');
  });

  it('所服务的贫困地区 in five parts, spaced or run together', () => {
    const r = { province: '吉林省', city: '延边州', county: '和龙市', township: '东城镇', village: '光东村' };
    expect(value(parseRegion('吉林省 延边州 和龙市 东城镇 光东村'))).toEqual(r);
    expect(value(parseRegion('吉林省延边州和龙市东城镇光东村'))).toEqual(r);
    expect(value(parseRegion('吉林省 和龙市'))).toContain('省 市 县 乡 村');
  });
});
