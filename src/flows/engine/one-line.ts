import { joinTyped, type TypedWord } from '../../core/text.js';
import { OTHER } from '../parsers/choice.js';
import type { ParseContext } from '../parsers/result.js';
import { readField, type FieldSpec, type FieldKind } from './form.js';

/** What a one-line entry filled, by field key; the boxes whose word did not read; the words no box took. */
export interface Placed {
  values: Map<string, unknown>;
  failed: string[];
  unplaced: string[];
}

const PEOPLE = /(?:人次|人)(?:左右|以上)?$/;
const DATE_SHAPE = /\d|[今昨前明后]天|[今昨明]日|周|星期|礼拜|[月日号]$/;
/** Kinds a word is taken for only when it looks like one; any other box takes the next word in turn. */
const BY_LOOKS: ReadonlySet<FieldKind> = new Set(['date', 'choice', 'phone', 'idcard', 'email', 'age']);
const isText = (f: FieldSpec): boolean => f.kind === undefined || f.kind === 'text';

/**
 * The one-line entry ("台账 光东村 昨天 45人 技术培训"). First, every word of an unmistakable kind
 * goes to its box wherever it stands: a date, a count of people (人/人次, when the form has one
 * count), a listed choice, a phone, an ID number, an email, an age in 岁. Then the other words fill
 * the boxes still empty, in order: a box of one of those kinds takes a word only if it looks like
 * one (a place never lands in 时间, a topic never becomes 其他：…), the others take the next word.
 * Words left after the last box join the last text box as typed, spaces and line breaks included.
 */
export function placeWords(fields: readonly FieldSpec[], all: readonly TypedWord[], ctx: ParseContext): Placed {
  // Only the first few words per box are read one by one; any beyond them can only be the last box's text.
  const words = all.slice(0, 3 * fields.length + 10);
  const beyond = all.slice(words.length);
  const values = new Map<string, unknown>();
  const used = new Set<number>();
  const oneCount = fields.filter((f) => f.kind === 'count').length === 1;
  words.forEach((w, i) => {
    for (const f of fields) {
      if (values.has(f.key) || !unmistakable(f, w.norm, oneCount)) continue;
      const r = readField(f, w.typed, ctx);
      if (!r.ok) continue;
      values.set(f.key, r.value);
      used.add(i);
      return;
    }
  });
  const open = fields.filter((f) => !values.has(f.key));
  const failed: string[] = [];
  const unplaced: TypedWord[] = [];
  let at = 0;
  let last: { field: FieldSpec; word: TypedWord } | undefined;
  const tail: TypedWord[] = [];
  for (const [i, w] of words.entries()) {
    if (used.has(i)) continue;
    let taken = false;
    for (let j = at; j < open.length && !taken; j++) {
      const f = open[j]!;
      if (f.kind !== undefined && BY_LOOKS.has(f.kind) && !looksLike(f, w.norm)) continue;
      const r = readField(f, w.typed, ctx);
      at = j + 1;
      taken = true;
      if (!r.ok) {
        failed.push(f.label);
        continue;
      }
      values.set(f.key, r.value);
      if (isText(f)) {
        last = { field: f, word: w };
        tail.length = 0;
      }
    }
    if (!taken) (last ? tail : unplaced).push(w);
  }
  (last ? tail : unplaced).push(...beyond);
  // Words after the last box join the last text box, read once as a whole.
  if (last && tail.length) {
    const r = readField(last.field, joinTyped([last.word, ...tail]), ctx);
    if (r.ok) values.set(last.field.key, r.value);
    else unplaced.push(...tail);
  }
  return { values, failed, unplaced: unplaced.map((w) => w.typed) };
}

/** Whether a word can only be meant for this box (its parser still has the last word). */
function unmistakable(f: FieldSpec, norm: string, oneCount: boolean): boolean {
  if (f.kind === 'count') return oneCount && PEOPLE.test(norm);
  if (f.kind === 'choice') return (f.choices ?? []).some((c) => c !== OTHER && c === norm) || isOther(f, norm);
  return f.kind !== undefined && BY_LOOKS.has(f.kind) && looksLike(f, norm);
}

/** The shape of a value of this kind, before its parser reads it. */
function looksLike(f: FieldSpec, norm: string): boolean {
  switch (f.kind) {
    case 'date':
      return DATE_SHAPE.test(norm);
    case 'choice':
      return (f.choices ?? []).includes(norm) || /^\d{1,2}$/.test(norm) || isOther(f, norm);
    case 'phone':
      return (norm.match(/\d/g) ?? []).length >= 7;
    case 'idcard':
      return norm.replace(/\D/g, '').length >= 15;
    case 'email':
      return norm.includes('@');
    case 'age':
      return /岁$/.test(norm);
    default:
      return true;
  }
}

const isOther = (f: FieldSpec, norm: string): boolean => (f.choices ?? []).includes(OTHER) && /^(?:其他|其它)[:：]./.test(norm);
