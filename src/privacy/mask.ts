/**
 * Personal numbers (mainland mobile phones, 18-digit resident ID numbers) are masked in every
 * chat reply and log line. The patterns are deliberately broad: a false positive costs a few
 * hidden digits, a false negative leaks a person's ID to a whole group.
 */

const ID_CARD = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
// Landlines with an area code: 0531-88888888, 010 12345678.
const LANDLINE = /(?<!\d)(0\d{2,3})[-\s]?\d{3,4}(\d{4})(?!\d)/g;

/** 18-digit ID → 370102********123X (keeps region and last four, as banks do). */
export function maskIdCard(id: string): string {
  return id.replace(ID_CARD, (_m, head: string, tail: string) => `${head}********${tail.slice(-4)}`);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return phone.replace(MOBILE, '$1****$2').replace(LANDLINE, '$1-****$2');
}

/** Masks every personal number found anywhere in free text. IDs first: they contain phone-like runs. */
export function maskPersonalData(text: string): string {
  return maskPhone(maskIdCard(text));
}
