import { parseNumberWord } from '../parsers/chinese-number.js';
import { parsePhone } from '../parsers/phone.js';
import { normalizeInput } from '../../core/text.js';
import { findPersonalNumbers } from '../../privacy/patterns.js';
import type { Candidates } from './fill.js';
import { ORG_SUFFIX, TITLES, hanExcept } from './lexicon.js';

/**
 * The rule-based reading of a self-introduction ("我是吉林农业大学的张伟，教授，今年52岁，主要研究
 * 水稻栽培，电话13812345678，负责光东村、光西村") into the 专家登记 boxes.
 */

const ORG_STOP = '是在的了与及从事做搞负责服务帮扶联系电话手机今年岁我叫';
const ORG = new RegExp(`(?:${hanExcept(ORG_STOP)}{1,14}?${ORG_SUFFIX})+`);
const ORG_AT = new RegExp(`^${ORG.source}`);
const TITLE_ALT = TITLES.join('|');
const NAME = '[\\u4e00-\\u9fa5]{2,4}';
const CLAUSE_END = '[^,;!?。\\s]';

export function expertCandidates(input: string): Candidates {
  const text = normalizeInput(input);
  const values: Record<string, string> = {};
  const unsure = new Set<string>();
  const put = (k: string, v: string | undefined): void => {
    if (v && v.trim()) values[k] = v.trim();
  };
  put('phone', findPhone(text));
  put('age', findAge(text));
  put('title', findTitle(text));
  const unit = findUnit(text);
  put('unit', unit);
  put('name', findName(text, unit));
  put('field', findField(text));
  put('villages', findVillages(text));
  return { values, unsure };
}

function labelled(text: string, label: string): string | undefined {
  return new RegExp(`${label}\\s*[:是为]\\s*(${CLAUSE_END}{1,40})`).exec(text)?.[1];
}

/** The first phone the finder sees (an ID number is not one, though it holds mobile-like runs) that the field's parser accepts. */
function findPhone(text: string): string | undefined {
  for (const n of findPersonalNumbers(text)) {
    if (n.kind === 'id') continue;
    const r = parsePhone(text.slice(n.start, n.end));
    if (r.ok) return r.value;
  }
  return undefined;
}

function findAge(text: string): string | undefined {
  const m =
    /年龄\s*[:是为]?\s*(\d{2}|[一二三四五六七八九十]{2,3})/.exec(text) ?? /(\d{2}|[一二三四五六七八九十]{2,3})\s*(?:周岁|岁)/.exec(text);
  if (!m) return undefined;
  const n = parseNumberWord(m[1]!);
  return n === undefined ? undefined : String(n);
}

function findTitle(text: string): string | undefined {
  const said = labelled(text, '职称');
  if (said) return said;
  return new RegExp(TITLE_ALT).exec(text)?.[0];
}

function findUnit(text: string): string | undefined {
  const said = labelled(text, '单位');
  if (said) return said;
  // After 我是 / 在 / 来自, or at the start of a clause: the organisation's name up to its suffix.
  const starts = [...text.matchAll(/(?:我是|来自|在|本人\S{2,4}?[,，]|^|[,;。\s])/g)].map((m) => m.index + m[0].length);
  // Anchored, on a window no organisation name is longer than: each start costs the same, whatever follows.
  for (const at of starts) {
    const m = ORG_AT.exec(text.slice(at, at + 80));
    if (m) return m[0];
  }
  return undefined;
}

function findName(text: string, unit: string | undefined): string | undefined {
  const said = labelled(text, '姓名');
  if (said) return said;
  const u = unit ? escape(unit) : '\\S{0,20}?';
  const forms = [
    new RegExp(`我叫(${NAME}?)(?=[,;。\\s]|$|是|来自|在)`),
    new RegExp(`我是${u}的?(?:${TITLE_ALT})?(${NAME}?)(?=[,;。\\s]|$)`),
    new RegExp(`(?:本人|自我介绍一下\\s*:?)\\s*(${NAME}?)(?=[,;。\\s]|$)`),
  ];
  for (const re of forms) {
    const m = re.exec(text);
    if (m?.[1] && !new RegExp(`${ORG_SUFFIX}$`).test(m[1])) return m[1];
  }
  return undefined;
}

function findField(text: string): string | undefined {
  const said = labelled(text, '(?:专业|研究方向|服务领域)');
  const m =
    said ??
    new RegExp(`(?:研究方向|主要(?:研究|做|从事|搞)|从事|擅长|(?<!副|助理)研究(?![员院所生])|搞)(${CLAUSE_END}{2,40})`).exec(text)?.[1];
  return m?.replace(/(?:工作|方面|的|研究)$/, '');
}

function findVillages(text: string): string | undefined {
  for (const m of text.matchAll(new RegExp(`(?:服务村|负责|服务|帮扶|联系|包保)\\s*[:]?\\s*(${CLAUSE_END}{2,60})`, 'g'))) {
    // "服务永庆乡的三个村" names no village: 个 and 几 never occur inside a village's name.
    const names = m[1]!.match(new RegExp(`${hanExcept('和与及的个几')}{1,6}?(?:村|社区|屯)`, 'g')) ?? [];
    if (names.length) return names.join('、');
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
