import type { OutboundAction } from '../../core/events.js';
import { zh } from '../../text/zh.js';
import type { EngineCommand } from './words.js';
import { formatValue, readField, type FieldSpec, type FormSpec } from './form.js';
import { joinTyped, normalizeInput, typedWords, type TypedWord } from '../../core/text.js';
import type { ParseContext } from '../parsers/result.js';
import { promptFor, rowText, say } from './render.js';
import type { ConversationState, GroupCursor } from './state.js';

/**
 * The small conversation inside a repeating box (工作队人员组成, 活动安排, 联系帮扶贫困村): a menu of
 * the rows so far, and rows typed column by column or on one line. Pure, like the engine; the engine
 * hands over every message while `state.sub` is set, and gets back either a new state to store, or
 * "done" (move on to the next field), or a form-level command to run itself.
 */
export type GroupOutcome =
  | { kind: 'stay'; state: ConversationState; replies: OutboundAction[] }
  | { kind: 'done'; state: ConversationState; replies: OutboundAction[] }
  | { kind: 'form'; cmd: EngineCommand };

const ROW_DELETE = /^(?:删除|删掉|删)\s*第?\s*(\d{1,4})\s*[行个项条]?$/;
const ROW_EDIT = /^(?:改行|改第|修改第|改)\s*(\d{1,4})\s*[行个项条]?$/;
const ROW_ADD = /^(?:添加|新增|加一行|再加一个|再加|继续添加)(?:\s+(.+))?$/;

const groupOf = (form: FormSpec, state: ConversationState): FieldSpec => form.fields[state.cursor]!;
const rowsOf = (field: FieldSpec, state: ConversationState): Record<string, unknown>[] =>
  (state.values[field.key] as Record<string, unknown>[] | undefined) ?? [];

/** The cursor arrives on a group: start the first row at once when there is none, else show the menu. */
export function enterGroup(form: FormSpec, state: ConversationState): { state: ConversationState; replies: OutboundAction[] } {
  const field = groupOf(form, state);
  const rows = rowsOf(field, state);
  if (rows.length === 0) {
    const sub: GroupCursor = { mode: 'row', row: -1, col: 0, values: {} };
    const s = { ...state, sub };
    return { state: s, replies: [promptFor(form, state.cursor), columnPrompt(field, s)] };
  }
  const s = { ...state, sub: { mode: 'menu' as const, row: -1, col: 0, values: {} } };
  return { state: s, replies: [promptFor(form, state.cursor), menu(field, s)] };
}

/** `typed`: the message as typed; menu words are recognised on its normalised form, cells keep it. */
export function groupStep(
  form: FormSpec,
  state: ConversationState,
  typed: string,
  cmd: EngineCommand | undefined,
  ctx: ParseContext,
): GroupOutcome {
  const field = groupOf(form, state);
  const sub = state.sub!;
  return sub.mode === 'row' ? rowStep(field, state, sub, typed, cmd, ctx) : menuStep(field, state, typed, cmd, ctx);
}

function menuStep(
  field: FieldSpec,
  state: ConversationState,
  typed: string,
  cmd: EngineCommand | undefined,
  ctx: ParseContext,
): GroupOutcome {
  const g = field.group!;
  const text = normalizeInput(typed);
  const rows = rowsOf(field, state);
  if ((zh.group.words.done as readonly string[]).includes(text)) {
    if (rows.length < g.min) return stay(state, [say(zh.group.needMore(g.min, g.noun)), menu(field, state)]);
    return { kind: 'done', state: { ...state, values: { ...state.values, [field.key]: rows } }, replies: [] };
  }
  if (cmd) return { kind: 'form', cmd };
  const del = ROW_DELETE.exec(text);
  if (del) {
    const i = Number(del[1]) - 1;
    if (!rows[i]) return stay(state, [say(zh.group.noRow(Number(del[1]), rows.length, g.noun)), menu(field, state)]);
    const next = rows.filter((_, k) => k !== i);
    const s = { ...state, values: { ...state.values, [field.key]: next } };
    return stay(s, [say(zh.group.deleted(i + 1, g.noun)), menu(field, s)]);
  }
  const edit = ROW_EDIT.exec(text);
  if (edit) {
    const i = Number(edit[1]) - 1;
    if (!rows[i]) return stay(state, [say(zh.group.noRow(Number(edit[1]), rows.length, g.noun)), menu(field, state)]);
    const s = { ...state, sub: { mode: 'row' as const, row: i, col: 0, values: { ...rows[i] } } };
    return stay(s, [say(zh.group.editing(i + 1, g.noun)), columnPrompt(field, s)]);
  }
  const add = ROW_ADD.exec(text);
  if (add && !add[1]) {
    if (rows.length >= g.max) return stay(state, [say(zh.group.full(g.max, g.noun)), menu(field, state)]);
    const s = { ...state, sub: { mode: 'row' as const, row: -1, col: 0, values: {} } };
    return stay(s, [columnPrompt(field, s)]);
  }
  if (rows.length >= g.max) return stay(state, [say(zh.group.full(g.max, g.noun)), menu(field, state)]);
  // "添加 王强 吉林农大 …": the row is what follows the word, as typed.
  const words = typedWords(typed);
  return oneLineRow(field, state, add ? words.slice(1) : words, ctx);
}

/**
 * "王强 吉林农大 教授 52 13812345678": fills a new row's columns in order, each cell as typed (words
 * beyond the last column join it, with their spaces); what fails is asked for.
 */
function oneLineRow(field: FieldSpec, state: ConversationState, words: TypedWord[], ctx: ParseContext): GroupOutcome {
  const cols = field.group!.columns;
  const cells =
    words.length > cols.length
      ? [...words.slice(0, cols.length - 1).map((w) => w.typed), joinTyped(words.slice(cols.length - 1))]
      : words.map((w) => w.typed);
  const values: Record<string, unknown> = {};
  const failed: string[] = [];
  cells.forEach((cell, i) => {
    const r = readField(cols[i]!, cell, ctx);
    if (r.ok) values[cols[i]!.key] = r.value;
    else failed.push(`${cols[i]!.label}（${r.reason}）`);
  });
  const sub: GroupCursor = { mode: 'row', row: -1, col: 0, values };
  const col = nextColumn(field, sub, 0);
  if (col === undefined) return commitRow(field, { ...state, sub });
  const s = { ...state, sub: { ...sub, col } };
  const replies = failed.length ? [say(zh.group.rowNote(failed))] : [];
  return stay(s, [...replies, columnPrompt(field, s)]);
}

function rowStep(
  field: FieldSpec,
  state: ConversationState,
  sub: GroupCursor,
  typed: string,
  cmd: EngineCommand | undefined,
  ctx: ParseContext,
): GroupOutcome {
  const g = field.group!;
  const text = normalizeInput(typed);
  const col = g.columns[sub.col]!;
  const toMenu = (s: ConversationState, note: string): GroupOutcome => {
    const m = { ...s, sub: { mode: 'menu' as const, row: -1, col: 0, values: {} } };
    return stay(m, [say(note), menu(field, m)]);
  };
  switch (cmd?.kind) {
    case 'cancel':
      return toMenu(state, zh.group.rowDropped(g.noun));
    case 'back': {
      if (sub.col === 0) return toMenu(state, zh.group.rowDropped(g.noun));
      const s = { ...state, sub: { ...sub, col: sub.col - 1 } };
      return stay(s, [columnPrompt(field, s)]);
    }
    case 'skip': {
      if (!col.optional) return stay(state, [say(zh.engine.cannotSkip(col.label)), columnPrompt(field, state)]);
      const { [col.key]: _dropped, ...values } = sub.values;
      return nextOrCommit(field, state, { ...sub, values });
    }
    case 'view':
      return stay(state, [say(zh.group.rowSoFar(g.noun, rowText(field, sub.values) || zh.engine.empty)), columnPrompt(field, state)]);
    case 'help':
      return stay(state, [say(zh.group.help(g.noun)), columnPrompt(field, state)]);
    case 'confirm':
    case 'edit':
      // 修改 with a target names a form field; a bare 修改 inside a row is an answer attempt, like any text.
      if (cmd.kind === 'confirm' || cmd.target !== '')
        return stay(state, [say(zh.group.finishRowFirst(g.noun)), columnPrompt(field, state)]);
      break;
    default:
      break;
  }
  // A new row typed whole at its first question ("王强 吉林农大 教授 52 13812345678") is a one-line row.
  if (sub.row === -1 && sub.col === 0 && Object.keys(sub.values).length === 0 && text.includes(' ') && g.columns.length > 1) {
    return oneLineRow(field, state, typedWords(typed), ctx);
  }
  if ((zh.group.words.keep as readonly string[]).includes(text) && sub.values[col.key] !== undefined)
    return nextOrCommit(field, state, sub);
  // Menu words typed in the middle of a row: say where they are instead of "年龄 没有填好".
  if (
    (zh.group.words.done as readonly string[]).includes(text) ||
    ROW_DELETE.test(text) ||
    ROW_EDIT.test(text) ||
    text === zh.group.words.add[0]
  ) {
    return stay(state, [say(zh.group.finishRowFirst(g.noun)), columnPrompt(field, state)]);
  }
  const r = readField(col, typed, ctx);
  if (!r.ok) return stay(state, [say(zh.engine.invalid(col.label, r.reason)), columnPrompt(field, state)]);
  return nextOrCommit(field, state, { ...sub, values: { ...sub.values, [col.key]: r.value } });
}

function nextOrCommit(field: FieldSpec, state: ConversationState, sub: GroupCursor): GroupOutcome {
  // Editing walks every column (each can be kept); a new row only asks what is still empty.
  const next = sub.row >= 0 ? (sub.col + 1 < field.group!.columns.length ? sub.col + 1 : undefined) : nextColumn(field, sub, sub.col + 1);
  if (next === undefined) return commitRow(field, { ...state, sub });
  const s = { ...state, sub: { ...sub, col: next } };
  return stay(s, [columnPrompt(field, s)]);
}

/** First column at or after `from` still empty (a new row never wraps back: skipped ones stay skipped). */
function nextColumn(field: FieldSpec, sub: GroupCursor, from: number): number | undefined {
  const cols = field.group!.columns;
  for (let i = from; i < cols.length; i++) if (sub.values[cols[i]!.key] === undefined) return i;
  // A one-line row may leave an earlier required column empty (a token that did not parse).
  const missing = cols.findIndex((c) => !c.optional && sub.values[c.key] === undefined);
  return missing === -1 ? undefined : missing;
}

function commitRow(field: FieldSpec, state: ConversationState): GroupOutcome {
  const g = field.group!;
  const sub = state.sub!;
  const rows = [...rowsOf(field, state)];
  if (sub.row >= 0) rows[sub.row] = sub.values;
  else rows.push(sub.values);
  const n = sub.row >= 0 ? sub.row + 1 : rows.length;
  const s: ConversationState = {
    ...state,
    values: { ...state.values, [field.key]: rows },
    sub: { mode: 'menu', row: -1, col: 0, values: {} },
  };
  const saved = say(zh.group.rowSaved(g.noun, n, rowText(field, sub.values)));
  if (rows.length >= g.max) return { kind: 'done', state: s, replies: [saved, say(zh.group.full(g.max, g.noun))] };
  return stay(s, [saved, menu(field, s)]);
}

export function columnPrompt(field: FieldSpec, state: ConversationState): OutboundAction {
  const g = field.group!;
  const sub = state.sub!;
  const col = g.columns[sub.col]!;
  const n = sub.row >= 0 ? sub.row + 1 : rowsOf(field, state).length + 1;
  const current = sub.values[col.key] !== undefined ? formatValue(col, sub.values[col.key]) : undefined;
  const text = zh.group.columnPrompt(g.noun, n, sub.col + 1, g.columns.length, col.label, col.prompt, col.optional === true, current);
  const hints = [
    ...(current !== undefined ? [zh.group.words.keep[0]] : []),
    zh.words.back[0],
    ...(col.optional ? [zh.words.skip[0]] : []),
    zh.words.cancel[0],
  ];
  if (col.choices) return { kind: 'choices', text, choices: col.choices.map((c) => ({ label: c, value: c })), hints };
  return { kind: 'text', text, hints };
}

export function menu(field: FieldSpec, state: ConversationState): OutboundAction {
  const g = field.group!;
  const rows = rowsOf(field, state);
  const lines = rows.map((r, i) => zh.group.rowLine(g.noun, i + 1, rowText(field, r)));
  return {
    kind: 'text',
    text: [
      zh.group.menuTitle(field.label, rows.length, g.noun),
      ...lines,
      zh.group.menuHelp(
        g.noun,
        g.columns.map((c) => c.label),
        rows.length >= g.min,
      ),
    ].join('\n'),
    hints: [zh.group.words.add[0], zh.group.words.done[0], zh.words.back[0]],
  };
}

const stay = (state: ConversationState, replies: OutboundAction[]): GroupOutcome => ({ kind: 'stay', state, replies });
