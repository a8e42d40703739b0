import { zh } from '../../text/zh.js';
import { normalizeInput, typedText } from '../../core/text.js';
import { COUNT_UNITS } from './count.js';
import { readQuantity } from './chinese-number.js';
import { ok, fail, type ParseResult } from './result.js';

/** Label of the catch-all choice; picking it alone asks the user to write what it was. */
export const OTHER = '其他';

/** A choice is a word or two; an 其他 text longer than this is a sentence for another box. */
export const CHOICE_INPUT_CAP = 60;
const OTHER_MAX_CHARS = 30;

/** "其他：…", "其它:…", "其他 …" as typed before the words of an 其他 answer. */
const OTHER_PREFIX = /^(?:其他|其它)\s*[:：]?\s*/;

/**
 * Whether the words can be what an 其他 box means (a kind of thing: 田间示范, 入户走访): a date, a
 * count, a place, a number or a bare yes are answers to other boxes, typed here by mistake.
 */
export function readsAsOther(words: string): boolean {
  const s = normalizeInput(words).replace(/\s/g, '');
  const n = Array.from(s).length;
  if (n === 0 || n > OTHER_MAX_CHARS) return false;
  if (!/[\p{Script=Han}A-Za-z]/u.test(s)) return false;
  // Any digit: a date (上个月15号, 1978年3月), a count (45人), a phone; a kind of activity has none.
  if (/\d/.test(s)) return false;
  if (DATE_WORDS.test(s)) return false;
  if (readQuantity(s, COUNT_UNITS) !== undefined) return false;
  if (PLACE_END.test(s)) return false;
  return !NOT_AN_ANSWER.has(s);
}

const DATE_WORDS =
  /[今昨明前后]天|[今昨明]日|[上下本这]个?(?:月|周|星期|礼拜)|(?:周|星期|礼拜)[一二三四五六日天]|[零〇一二两三四五六七八九十]+(?:年|月|日|号|天前|天后)/;
const PLACE_END = /(?:省|市|县|区|旗|乡|镇|村|屯|社区|街道|嘎查|村委会|村部|基地|合作社|园区)$/;
/** Agreement and engine words: never an answer worth storing as "其他：对". */
const NOT_AN_ANSWER: ReadonlySet<string> = new Set([
  '对',
  '是',
  '是的',
  '好',
  '好的',
  '嗯',
  '没错',
  '确认',
  '对的',
  '行',
  '可以',
  '不变',
  '同上',
]);

/**
 * A choice by number ("2") or by text ("现场指导"). Where the list has 其他 (as the form prints it),
 * other words that read as one are kept as "其他：<words as typed>"; anything else is refused with the list.
 */
export function parseChoice(input: string, choices: readonly string[]): ParseResult<string> {
  if (input.length > CHOICE_INPUT_CAP) return fail(zh.reasons.choice([...choices]));
  const s = normalizeInput(input);
  const byNumber = /^\d{1,3}$/.test(s) ? choices[Number(s) - 1] : undefined;
  const picked = byNumber ?? choices.find((c) => c === s);
  if (picked !== undefined && picked !== OTHER) return ok(picked);
  if (!choices.includes(OTHER)) return fail(zh.reasons.choice([...choices]));
  if (picked === OTHER || s === '' || /^\d+$/.test(s) || (OTHER_PREFIX.test(s) && s.replace(OTHER_PREFIX, '') === '')) {
    return fail(zh.reasons.choiceOther);
  }
  const free = typedText(typedText(input).replace(OTHER_PREFIX, ''));
  if (!readsAsOther(free)) return fail(zh.reasons.notOther(free, [...choices]));
  return ok(`${OTHER}：${free}`);
}
