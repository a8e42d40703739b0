import { normalizeInput } from '../../core/text.js';
import { hasPersonalNumber } from '../../privacy/patterns.js';
import { CN_NUM, DIGITS, FORM_KEYWORDS, PERSON_NOUN, TITLES } from './lexicon.js';

/**
 * Whether a free-text message (not a command, no form open) is an activity report, a self-
 * introduction, or neither, decided cheaply without a model so chatter ("收到", "明天几点开会？")
 * never costs a call or starts a draft. A report names an activity and at least one of: when, where,
 * how many people. An introduction says who one is and at least one of: a title, an age, a phone.
 */
export type FreeTextKind = 'ledger' | 'expert';

const DATE_WORD =
  /今天|昨天|昨日|前天|今日|\d{1,2}月\d{1,2}|\d{1,2}\.\d{1,2}|\d{4}[-年.]\d{1,2}|(?:周|星期|礼拜)[一二三四五六日天]|天前|上午|下午/;
const PLACE_WORD = /[\u4e00-\u9fa5](?:村|乡|镇|社区|合作社|基地|街道|屯)(?![\u4e00-\u9fa5]{0,1}(?:民|里的人))/;
const COUNT = new RegExp(`(?:${DIGITS}|${CN_NUM})(?:余|多|来)?(?:个|名|位)?${PERSON_NOUN}`);
const EXTRA_ACTIVITY = /帮扶|服务|走访|调研|观摩|座谈|推介|推进会|宣传|示范|入户|签订|合同/;
const INTRO = /我是|我叫|本人|自我介绍|姓名\s*[:：]/;
const INTRO_FACT = new RegExp(`${TITLES.join('|')}|\\d{2}\\s*岁|[一二三四五六七八九十]{2,3}岁|职称|单位\\s*[:：]`);
/**
 * A mobile number is a fact of an introduction, and so is an ID number: the bare mobile-like run
 * this test used to look for is inside most IDs (from the 19 of a birth year on), so they counted.
 */
const INTRO_NUMBERS = ['mobile', 'id'] as const;
const QUESTION = /[?？吗呢]\s*$/;

/** A report says what it is about in its first sentences: only this much is read to decide. */
const DETECT_CAP = 2000;

export function looksLikeReport(input: string): FreeTextKind | undefined {
  const text = normalizeInput(input.slice(0, DETECT_CAP));
  if (Array.from(text).length < 8 || text.startsWith('/')) return undefined;
  if (INTRO.test(text) && (INTRO_FACT.test(text) || hasPersonalNumber(text, INTRO_NUMBERS))) return 'expert';
  if (QUESTION.test(text)) return undefined;
  const activity = FORM_KEYWORDS.some((k) => new RegExp(k.re.source).test(text)) || EXTRA_ACTIVITY.test(text);
  if (!activity) return undefined;
  const facts = [DATE_WORD.test(text), PLACE_WORD.test(text), COUNT.test(text)].filter(Boolean).length;
  return facts >= 1 ? 'ledger' : undefined;
}
