import type { Paragraph, Table } from 'docx';
import type { FormRules } from '../domain/forms.js';
import type { BlobStore } from '../store/blobs.js';
import type { StoredRecord } from '../store/records.js';
import type { ZipEntry } from './zip.js';

/**
 * What documents/ needs to know of a form, declared here so that documents/ never imports flows/:
 * the engine's FormSpec satisfies these shapes structurally. A form says which files it comes in
 * through `exports`; buildExport walks the registry it is given and never names a form.
 */

/** One box of a form as the exports see it. */
export interface ExportField {
  key: string;
  /** The label as the seed prints it: the default column header. */
  label: string;
  /** false: offered at the review instead of asked (a sparse column, like the ledger's 时长). */
  ask?: boolean;
  choices?: readonly string[];
  /** A repeating box's columns (专家1, 专家2 …). */
  group?: { columns: readonly ExportField[] };
  format?(value: unknown): string;
}

/**
 * A form as the exports see it: the domain's rules (id, title, sign-off chain, what it counts toward)
 * plus its boxes and the files it comes in.
 */
export interface ExportForm extends FormRules {
  fields: readonly ExportField[];
  exports?: FormExports;
}

/** Loads an attachment's bytes (a 推荐表 photo), or undefined when it is gone. */
export type ImageLoader = (ref: { id: string }) => Promise<Buffer | undefined>;

/** What a record's Word layout is given besides the record. */
export interface DocxContext {
  load: ImageLoader;
  /** The record's 填表时间 (its confirmation date, YYYY-MM-DD). */
  filledAt: string;
  /** The configured zone: every date printed (盖章 dates of the opinions) is its local date. */
  timezone: string;
}

/** The body of one record's Word document: the printed title, tables and notes, in order. */
export type DocxBody = (Paragraph | Table)[];

/** Files that go with a form's records beside its list (the exhibition's pictures and captions). */
export interface FormFiles {
  /** Folder of these files inside the 全部 ZIP, ending in `/`. */
  folder: string;
  /** The entries of `recs` in export order, each name prefixed with `dir`. */
  entries(recs: readonly StoredRecord[], blobs: BlobStore | undefined, dir: string): ZipEntry[] | Promise<ZipEntry[]>;
}

/**
 * The files a form comes in. `layout` is its list (XLSX and CSV); `docx` adds one Word document per
 * record (then DOCX is its default format); `xlsx` replaces the list's XLSX with the form's own
 * sheet; `files` adds a ZIP of the records' files (then ZIP is its default format).
 */
export interface FormExports {
  layout(form: ExportForm): ListLayout;
  docx?(form: ExportForm, rec: StoredRecord, ctx: DocxContext): DocxBody | Promise<DocxBody>;
  xlsx?(form: ExportForm, recs: readonly StoredRecord[]): Promise<Buffer>;
  files?: FormFiles;
}

/** A value as the chat shows it: the field's own format, else its plain text. */
export const fieldText = (field: ExportField, value: unknown): string => (field.format ? field.format(value) : String(value));

/** A form's field by key; a layout naming a field the form lacks is a programming error. */
export function fieldOf(form: ExportForm, key: string): ExportField {
  const f = form.fields.find((x) => x.key === key);
  if (!f) throw new Error(`layout: ${form.id} has no field ${key}`);
  return f;
}

/**
 * The official tables as column lists: each column's header as the seed prints it, an optional
 * parent header (merged over its children, as 所服务的贫困地区 over 省 市 县 乡 村), a width, and
 * how a record fills it. Ticked boxes (□ in the seed) become one column per box with √. Each form
 * lays out its own table (src/flows/forms/<id>/layout.ts) from the pieces here.
 */
export interface Column {
  header: string;
  parent?: string;
  width: number;
  /** Only present when some record fills it (the ledger's 时长). */
  sparseKey?: string;
  /** `n` is the row's sequence number in this export (序号, file names). */
  value(rec: StoredRecord, n: number): string | number;
}

export interface ListLayout {
  /** The table's printed title. */
  title: string;
  columns: Column[];
}
