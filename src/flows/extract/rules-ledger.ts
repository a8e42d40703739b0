import { parseDate } from '../parsers/date.js';
import { normalizeInput } from '../../core/text.js';
import type { ParseContext } from '../parsers/result.js';
import type { Candidates } from './fill.js';
import {
  ADMIN_LEVEL,
  CN_NUM,
  DIGITS,
  EFFECT_WORDS,
  FACILITIES,
  FACILITY_STOP,
  FORM_KEYWORDS,
  LOCATIVE,
  PERSON_NOUN,
  PLACE_STOP,
  PLACE_STOP_WORDS,
  hanExcept,
} from './lexicon.js';

/**
 * The rule-based reading of a free-text activity report ("昨天下午在光东村给45个农户讲了水稻育秧，
 * 大家挺满意的") into words for each 工作台账 box. It finds; the fields' own parsers decide
 * (fill.ts). What it cannot find is left out and asked.
 */

const DATE_RE = new RegExp(
  [
    '\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}[日号]?',
    '\\d{1,2}月\\d{1,2}[日号]?',
    '(?<![\\d/])\\d{1,2}/\\d{1,2}(?![\\d/])',
    '(?<![\\d.])\\d{1,2}\\.\\d{1,2}(?![\\d.%]|\\s*(?:小时|个|亩|万|元|斤|吨|公斤|米|倍))',
    '大前天|前天|昨天|昨日|今天|今日',
    '(?:\\d{1,9}|[一二两三四五六七八九十]{1,8})天前',
    '(?:上上|上|本|这)?(?:周|星期|礼拜)[一二三四五六日天1-7](?!\\d)',
    '(?<![\\d月.])\\d{1,2}[日号](?![\\d楼])',
  ].join('|'),
  'g',
);

const UNIT_NAMES = [...ADMIN_LEVEL.keys()].sort((a, b) => b.length - a.length);
const FACILITY = new RegExp(
  `^${hanExcept(FACILITY_STOP, PLACE_STOP_WORDS)}{0,6}(?:${[...FACILITIES].sort((a, b) => b.length - a.length).join('|')})`,
);
const PERSON_COUNT = new RegExp(`(${DIGITS}|${CN_NUM})(余|多|来)?(?:个|名|位)?${PERSON_NOUN}(?!一策|一品)`, 'g');
const HOURS = /(\d{1,4}(?:\.\d{1,2})?|[一二两三四五六七八九十]{1,4})(个)?(半)?(?:个)?(?:小时|钟头)/;
const CLAUSE_SPLIT = /[,;!?。;\n]|(?<!\d)\.|\.(?!\d)/;

export function ledgerCandidates(input: string, ctx: ParseContext): Candidates {
  const text = colloquial(normalizeInput(input));
  const values: Record<string, string> = {};
  const unsure = new Set<string>();
  // Spans already read as one box are hidden from the next reader (a 示范园 is a place, not 示范).
  let rest = text;
  const hide = (s: string): void => {
    rest = rest.replace(s, '　'.repeat(s.length));
  };

  const date = findDate(text, ctx);
  if (date) {
    values.date = date;
    hide(date);
  }
  const place = findPlace(rest);
  if (place) {
    values.place = place.text;
    if (place.weak) unsure.add('place');
    hide(place.text);
  }
  const count = findCount(rest);
  if (count) values.participants = count;
  const hours = findHours(rest);
  if (hours) values.hours = hours;
  const form = findForm(rest);
  if (form) {
    values.activityForm = form.value;
    if (form.weak) unsure.add('activityForm');
  }
  const content = findContent(rest);
  if (content) {
    values.content = content.text;
    if (content.weak) unsure.add('content');
  }
  const effect = findEffect(rest, content?.clause);
  if (effect) values.effect = effect;
  return { values, unsure };
}

/** Spoken forms the date parser does not know, said the way it does: 今儿 → 今天, 上个礼拜五 → 上礼拜五. */
function colloquial(s: string): string {
  return s.replace(/([今昨前])儿/g, '$1天').replace(/上个(礼拜|星期|周)/g, '上$1');
}

function findDate(text: string, ctx: ParseContext): string | undefined {
  for (const m of text.matchAll(DATE_RE)) {
    const r = parseDate(m[0], ctx);
    if (r.ok) return m[0];
  }
  return undefined;
}

const UNIT_AT = new RegExp(`^${hanExcept(PLACE_STOP, PLACE_STOP_WORDS)}{1,7}(${UNIT_NAMES.join('|')})$`);

/** Every administrative unit that can start at `s[0]`: "开山屯", "开山屯镇", "开山屯镇光昭村"… */
function unitsAt(s: string): { len: number; level: number }[] {
  const out: { len: number; level: number }[] = [];
  for (let end = 2; end <= Math.min(s.length, 10); end++) {
    const m = UNIT_AT.exec(s.slice(0, end));
    if (m) out.push({ len: end, level: ADMIN_LEVEL.get(m[1]!)! });
  }
  return out;
}

/**
 * The longest place at the start of `s`: a chain of administrative units, each deeper than the one
 * before (县 → 镇 → 村), then up to two facilities (村委会, 政府会议室). Trying every split rather than
 * the first regex match keeps "延河村村部" whole and "开山屯镇" from ending at 屯.
 */
function placeAt(s: string): string | undefined {
  const best = (pos: number, level: number, facilities: number): number => {
    let top = pos;
    if (facilities === 0) {
      for (const u of unitsAt(s.slice(pos))) if (u.level > level) top = Math.max(top, best(pos + u.len, u.level, 0));
    }
    if (facilities < 2) {
      const f = FACILITY.exec(s.slice(pos));
      if (f && (level > 0 || f[0].length >= 3)) top = Math.max(top, best(pos + f[0].length, Math.max(level, 1), facilities + 1));
    }
    return top;
  };
  const end = best(0, 0, 0);
  return end >= 2 ? s.slice(0, end) : undefined;
}

function findPlace(text: string): { text: string; weak: boolean } | undefined {
  // "在光东村…", "到光明村…", "去了一趟长安镇…"; then a bare token in the terse style "11.18 三合镇 技术培训 …".
  for (const m of text.matchAll(LOCATIVE)) {
    const p = placeAt(text.slice(m.index + m[0].length));
    if (p) return { text: p, weak: false };
  }
  for (const tok of text.split(/[\s,;。]+/)) {
    const p = placeAt(tok);
    if (p && p === tok) return { text: p, weak: false };
  }
  const online = /通过(微信群|QQ群|视频会议|视频连线|网络直播|直播|视频)/.exec(text);
  if (online) return { text: online[1]!, weak: true };
  const give = /(?:给|为)/g;
  for (const m of text.matchAll(give)) {
    const p = placeAt(text.slice(m.index + m[0].length));
    if (p) return { text: p, weak: true };
  }
  return undefined;
}

/** "七八十人" (seventy or eighty), "上百人", "近百人": no number to write down, so it is asked. */
const VAGUE = /[一二两三四五六七八九][一二两三四五六七八九]|^[上近成数几]/;
/** "居民来了八十多个": a count of people without the noun, after words that only count people. */
const BARE_COUNT = new RegExp(`(?:来了|到了|参加的有|一共来了)(${DIGITS}|${CN_NUM})(余|多|来)?个(?=$|[,;。\\s])`, 'g');

function findCount(text: string): string | undefined {
  for (const re of [PERSON_COUNT, BARE_COUNT]) {
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      if (VAGUE.test(m[1]!) || VAGUE.test(before)) continue;
      // "三十来人" is said for about thirty; the count parser knows 余/多, not 来.
      return `${m[1]!}${m[2] === '来' ? '' : (m[2] ?? '')}人`;
    }
  }
  return undefined;
}

/** "两个半小时", "3个钟头": the words as said; the 时长 box's parser reads the number (chinese-number.ts, one reading for every kind). */
function findHours(text: string): string | undefined {
  return HOURS.exec(text)?.[0];
}

/** The ledger's own words first (技术培训…), else the earliest telling word; ties go to the longer word. */
function findForm(text: string): { value: string; weak: boolean } | undefined {
  const exact = /技术培训|现场指导|咨询服务|科普讲座|项目对接/.exec(text);
  if (exact) return { value: exact[0], weak: false };
  let best: { pos: number; len: number; value: string; weak: boolean } | undefined;
  for (const k of FORM_KEYWORDS) {
    for (const m of text.matchAll(k.re)) {
      const better = !best || m.index < best.pos || (m.index === best.pos && m[0].length > best.len);
      if (better)
        best = { pos: m.index, len: m[0].length, value: k.other ? `其他：${m[0]}` : k.form, weak: k.weak === true || k.other === true };
    }
  }
  return best && { value: best.value, weak: best.weak };
}

const CLAUSE_END = '[^,;!?。\\s]';
/** Said outright: 内容为…, 主题是…, 讲的是…, 主要是…, 就…进行对接. */
const MARKERS = [
  new RegExp(`(?:内容(?:是|为|:)|主题(?:是|为|:)|讲的是|问的是|主要是|主要讲了?|主要讲解)(${CLAUSE_END}{2,60})`),
  /就(.{2,30}?)(?:与|和|同|向|进行)/,
];
/** Verbs whose object is the topic taught or shown: 讲了水稻育秧, 指导草莓种植. */
const STRONG_VERB = new RegExp(`(?:讲了|讲解了?|讲授|讲(?![座了解授])|指导了?(?:一下)?|上了一堂)(${CLAUSE_END}{2,60})`);
/** A topic before the kind of activity: 开展黄牛养殖技术培训, 举办食用菌栽培培训班. */
const TOPIC_BEFORE_FORM = new RegExp(
  `(?:开展了?|举办了?|组织了?|进行了?|召开了?|开了|参加了?|搞了|做了)(?:一次|一场|一期|个)?(${CLAUSE_END}{1,30}?)` +
    '(?:技术培训|培训班|培训|科普讲座|讲座|现场指导|技术指导|指导|技术咨询|咨询服务|咨询|对接会|对接活动|对接洽谈|对接|推介会|现场会|现场示范|宣传活动|科普|座谈会|观摩|活动)',
);
const WEAK_VERB = new RegExp(`(?:教了?|宣传(?!活动)|示范|咨询|对接了?|搭建|联系了?|解答了?|了解|看了|培训了?)(${CLAUSE_END}{2,60})`);
const GENERIC = /^(?:科普|技术|农业|农技|实用|健康|青少年|现场|问题|活动|工作|服务|一次|一场|一期)*$/;

function clean(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 4; i++) {
    t = t
      .replace(
        /^(?:了|一下|召开|开展|举办|组织|进行|给|为|向|帮|对|村民|农户|群众|果农|林农|养殖户|种植户|贫困户|大家|学员|农民|村里|的|关于)+/,
        '',
      )
      .replace(/(?:课|的|了|活动|工作|方面)$/, '');
  }
  return t;
}

function findContent(text: string): { text: string; clause: string; weak: boolean } | undefined {
  const clauses = text
    .split(CLAUSE_SPLIT)
    .map((c) => c.trim())
    .filter(Boolean);
  const tries: { re: RegExp; weak: boolean }[] = [
    ...MARKERS.map((re) => ({ re, weak: false })),
    { re: STRONG_VERB, weak: false },
    { re: TOPIC_BEFORE_FORM, weak: false },
    { re: WEAK_VERB, weak: true },
  ];
  let generic: { text: string; clause: string; weak: boolean } | undefined;
  for (const { re, weak } of tries) {
    for (const clause of clauses) {
      for (const part of terseParts(clause)) {
        const m = re.exec(part);
        const t = m ? clean(m[1]!) : '';
        if (t.length < 2 || /^有/.test(t) || new RegExp(`(?:${DIGITS}|${CN_NUM})(?:余|多)?(?:个|名|位)?${PERSON_NOUN}$`).test(t)) continue;
        if (GENERIC.test(t)) {
          generic ??= { text: t, clause, weak: true };
          continue;
        }
        return { text: t, clause, weak };
      }
    }
  }
  return terseContent(text) ?? generic;
}

/** In the terse style ("技术培训 苹果梨冬季修剪 40人") every space-separated word is its own part. */
function terseParts(clause: string): string[] {
  const parts = clause.split(' ').filter(Boolean);
  return parts.length > 1 ? parts : [clause];
}

/** The terse style: the word after the kind of activity that is not a count or an outcome. */
function terseContent(text: string): { text: string; clause: string; weak: boolean } | undefined {
  const toks = text.split(/\s+/).filter(Boolean);
  if (toks.length < 3) return undefined;
  const i = toks.findIndex((t) => FORM_KEYWORDS.some((k) => new RegExp(k.re.source).test(t)) && t.length <= 6);
  const next = i >= 0 ? toks[i + 1] : undefined;
  if (!next || new RegExp(`^(?:约)?(?:${DIGITS}|${CN_NUM})`).test(next) || EFFECT_WORDS.test(next)) return undefined;
  return { text: next, clause: next, weak: false };
}

function findEffect(text: string, contentClause: string | undefined): string | undefined {
  const skip = contentClause?.replace(/\s+/g, '');
  const parts = text
    .split(CLAUSE_SPLIT)
    .flatMap((c) => c.trim().split(' '))
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c) => c && c !== skip && EFFECT_WORDS.test(c));
  return parts.length ? parts.join(',') : undefined;
}
