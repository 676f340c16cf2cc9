/**
 * CSV import of one master. Invariant: a file is all or nothing. Every row is validated with the
 * form's zod schema first (problems by row, header = row 1, and column header, in Japanese); only a
 * file without any problem is written, in one synchronous better-sqlite3 transaction. A row whose
 * key (code; 商品: code + 枝番) exists updates that record — unless it is 確定 and the row would
 * change it, which is a problem of that row. Problems found while writing (e.g. a SKU code taken by
 * another product) roll the whole transaction back.
 */
import type { CsvEncoding, CsvReadEncoding } from '../../../src-shared/csv/csv-encoding';
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import { failureKind } from '../errors/classify-error';
import type { MasterRepository } from '../masters/master-repository';
import type { Repositories } from '../repositories';
import { unguardFormula } from './csv-formula';
import { cellProblem, csvInvalid, rowProblem } from './csv-problems';
import { readCsvRows, type CsvLayout, type CsvReadOptions } from './csv-read';
import type { RowReader } from './csv-row-reader';
import { FALSE_WORDS, TRUE_WORDS, type MasterCsvColumn, type MasterCsvDef } from './master-csv-columns';
import { UNSURE, type FastCellContext } from './master-csv-fast-cells';

/** The repositories a master CSV import writes through. */
export type MasterCsvRepositories = Pick<
  Repositories,
  'departments' | 'taxClasses' | 'workflows' | 'partners' | 'products' | 'bankAccounts' | 'transaction'
>;

export interface MasterCsvImportResult {
  created: number;
  updated: number;
  unchanged: number;
  encoding: CsvEncoding;
}

interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
}

/** Reading a file (progress, 中止) and the step right before its one write transaction. */
export interface MasterCsvImportControl extends Omit<CsvReadOptions, 'encoding'> {
  /** runs after the whole file is valid, right before the transaction (e.g. a last 受付停止 check) */
  beforeWrite?: () => void | Promise<void>;
  /**
   * runs inside the transaction for every row whose コード names an existing record, before anything
   * is written; throws (an AppError with fields) when that change is not allowed — the same guard
   * the master's form update uses, e.g. the billed history of a 得意先
   */
  beforeUpdate?: (id: number, values: Record<string, unknown>) => void;
}

/**
 * Cell → the value the schema expects; undefined leaves the schema's own "required" message.
 * Problems go straight to the row (no closure per cell: this runs for every cell of a 100,000-row
 * file, bench/csv-import.bench.ts).
 */
function cellValue(column: MasterCsvColumn, r: RowReader, taxClassIds: Map<string, number>): unknown {
  const cell = r.cell(column.header);
  const text = column.kind === 'text' ? unguardFormula(cell) : cell.trim();
  switch (column.kind) {
    case 'text':
      return text;
    case 'int': {
      const v = text.startsWith("'") ? text.slice(1) : text;
      if (v === '') return '';
      return /^-?\d{1,15}$/.test(v) ? Number(v) : v;
    }
    case 'bool': {
      // an optional bool column left empty takes the schema's default
      if (text === '' && !column.required) return null;
      if (text === column.labels?.true || TRUE_WORDS.includes(text)) return true;
      if (text === column.labels?.false || FALSE_WORDS.includes(text)) return false;
      const words = column.labels ? `「${column.labels.true}」か「${column.labels.false}」` : '「1」か「0」';
      r.problem(
        column.header,
        text === '' ? `値が空です。${words}を入力してください。` : `「${text}」は使えません。${words}を入力してください。`,
      );
      return undefined;
    }
    case 'taxClassCode': {
      if (text === '') return null;
      const id = taxClassIds.get(text);
      if (id === undefined)
        r.problem(column.header, `税区分コード「${text}」は税区分マスタにありません。税区分マスタのコードを入力するか、空にしてください。`);
      return id ?? null;
    }
  }
}

/** The master's columns as a layout: its headers only, trailing empty cells may be left out. */
function layoutOf(def: MasterCsvDef): CsvLayout {
  return {
    label: def.label,
    columns: def.columns.map((c) => c.header),
    required: def.columns.filter((c) => c.required).map((c) => c.header),
    otherColumns: 'error',
    cellCount: 'at-most',
  };
}

/**
 * The record's key as one string. `keyAt`: the key fields' positions in the row. A key whose later
 * fields are all empty (a 商品 without 枝番: most rows) is its first field alone; any other key
 * joins every field with U+0000, which no key field can hold (codes are printable text:
 * src-shared/masters/fields.ts), so the two kinds never meet.
 */
function keyOf(values: readonly unknown[], keyAt: readonly number[]): string {
  const head = String(values[keyAt[0]!] ?? '');
  let rest = false;
  for (let k = 1; k < keyAt.length && !rest; k++) rest = String(values[keyAt[k]!] ?? '') !== '';
  if (!rest) return head;
  let key = '';
  for (const i of keyAt) key += `${String(values[i] ?? '')}\u0000`;
  return key;
}

/**
 * The values of a row whose every cell passes its column's fast rule, in the order of the
 * master's columns, or undefined when a cell is UNSURE (or the master has no fast rules): then the
 * row goes through the schema. `at` holds each column's cell index in the file (undefined: the
 * header has no such column).
 */
function fastRowCells(def: MasterCsvDef, cells: readonly string[], at: readonly (number | undefined)[], ctx: FastCellContext): unknown[] | undefined {
  const columns = def.columns;
  const values = new Array<unknown>(columns.length);
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j]!;
    if (column.fast === undefined) return undefined;
    const i = at[j];
    const v = column.fast(i === undefined ? '' : (cells[i] ?? ''), ctx);
    if (v === UNSURE) return undefined;
    values[j] = v;
  }
  return values;
}

/** fastRowCells as field → value (what the schema would give; the property test compares them) */
export function fastRowValues(
  def: MasterCsvDef,
  cells: readonly string[],
  at: readonly (number | undefined)[],
  ctx: FastCellContext,
): Record<string, unknown> | undefined {
  const values = fastRowCells(def, cells, at, ctx);
  return values === undefined ? undefined : rowObject(def, values);
}

/** A positional row as field → value. */
function rowObject(def: MasterCsvDef, values: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  def.columns.forEach((c, j) => {
    row[c.field] = values[j];
  });
  return row;
}

/**
 * A file's valid rows: each row's values by position in the master's columns (absent optional
 * values as null, so "unchanged" compares like the table), and its spreadsheet row beside it.
 * No object per row: a 商品 file has up to 100,000 (bench/csv-import.bench.ts).
 */
interface MasterRows {
  values: unknown[][];
  rows: number[];
}

/** One row → its values checked by the form's schema, or undefined with the row's problems reported. */
function rowReader(def: MasterCsvDef, taxClassIds: Map<string, number>, rowNumbers: number[]): (r: RowReader) => unknown[] | undefined {
  const byField = new Map(def.columns.map((c) => [c.field, c]));
  const first = def.columns[0]!.header;
  const seen = new Map<string, number>();
  const fast = def.columns.every((c) => c.fast !== undefined);
  const ctx: FastCellContext = { taxClassIds };
  const keyAt = def.keyFields.map((k) => def.columns.findIndex((c) => c.field === k));
  // each column's cell index: the same for every row of a file, taken from its first row
  let at: (number | undefined)[] | undefined;
  const checked = (r: RowReader): unknown[] | undefined => {
    const raw: Record<string, unknown> = {};
    for (const column of def.columns) {
      const value = cellValue(column, r, taxClassIds);
      if (value !== undefined) raw[column.field] = value;
    }
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = byField.get(String(issue.path[0] ?? ''))?.header ?? first;
        // a cell already reported by cellValue gets no second, vaguer message
        if (!r.reported(column)) r.problem(column, issue.message);
      }
    }
    if (!parsed.success || r.hasProblems) return undefined;
    const data = parsed.data as Record<string, unknown>;
    return def.columns.map((c) => data[c.field] ?? null);
  };
  return (r) => {
    at ??= def.columns.map((c) => r.columnIndex(c.header));
    const values = (fast ? fastRowCells(def, r.record.cells, at, ctx) : undefined) ?? checked(r);
    if (values === undefined) return undefined;
    const key = keyOf(values, keyAt);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const what = def.keyFields.length > 1 ? 'コードと枝番' : 'コード';
      r.problem(first, `${earlier}行目と同じ${what}です。1つのファイルに同じ${what}の行は1行だけにしてください。`);
      return undefined;
    }
    seen.set(key, r.row);
    rowNumbers.push(r.row);
    return values;
  };
}

/** Validates every row; returns the rows by position or the problems. Pure apart from the tax-class lookup. */
async function readMasterRows(
  def: MasterCsvDef,
  bytes: Uint8Array,
  encoding: CsvReadEncoding,
  taxClassIds: Map<string, number>,
  opts: Omit<CsvReadOptions, 'encoding'> = {},
): Promise<{ ok: true; rows: MasterRows; encoding: CsvEncoding } | { ok: false; problems: FieldProblem[] }> {
  const rowNumbers: number[] = [];
  const read = await readCsvRows(bytes, layoutOf(def), rowReader(def, taxClassIds, rowNumbers), { ...opts, encoding });
  if (!read.ok) return read;
  if (read.rows.length === 0)
    return { ok: false, problems: [rowProblem(2, 'データ行がありません。2行目以降に取り込むデータを入力してください。')] };
  return { ok: true, rows: { values: read.rows, rows: rowNumbers }, encoding: read.encoding };
}

/** Validates every row; returns the parsed rows (field → value) or the problems. */
export async function parseMasterCsv(
  def: MasterCsvDef,
  bytes: Uint8Array,
  encoding: CsvReadEncoding,
  taxClassIds: Map<string, number>,
  opts: Omit<CsvReadOptions, 'encoding'> = {},
): Promise<{ ok: true; rows: ParsedRow[]; encoding: CsvEncoding } | { ok: false; problems: FieldProblem[] }> {
  const read = await readMasterRows(def, bytes, encoding, taxClassIds, opts);
  if (!read.ok) return read;
  const { values, rows } = read.rows;
  return { ok: true, rows: values.map((v, i) => ({ row: rows[i]!, values: rowObject(def, v) })), encoding: read.encoding };
}

/**
 * Imports a whole file: validate all rows, then write all rows in one transaction through the
 * master's repository, or throw CSV_INVALID with the problems and write nothing.
 */
export async function importMasterCsv(
  repos: MasterCsvRepositories,
  def: MasterCsvDef,
  bytes: Uint8Array,
  encoding: CsvReadEncoding,
  control: MasterCsvImportControl = {},
): Promise<MasterCsvImportResult> {
  const { beforeWrite, beforeUpdate, ...read } = control;
  const parsed = await readMasterRows(def, bytes, encoding, repos.taxClasses.idsByCode(), read);
  if (!parsed.ok) throw csvInvalid(def.label, parsed.problems);
  await beforeWrite?.();
  const result: MasterCsvImportResult = { created: 0, updated: 0, unchanged: 0, encoding: parsed.encoding };
  const firstColumn = def.columns[0]!.header;
  const repo = repos[def.master] as MasterRepository<{ id: number; confirmed: boolean }, Record<string, unknown>>;
  const { values: rows, rows: rowNumbers } = parsed.rows;
  const fields = def.columns.map((c) => c.field);
  const codeAt = fields.indexOf('code');
  repos.transaction(() => {
    const problems: FieldProblem[] = [];
    if (beforeUpdate) {
      rows.forEach((values, i) => {
        const id = repo.idOfCode(String(values[codeAt] ?? ''));
        if (id !== null) problems.push(...refusedUpdate(def, rowNumbers[i]!, () => beforeUpdate(id, rowObject(def, values))));
      });
      if (problems.length > 0) throw csvInvalid(def.label, problems);
    }
    // rowReader refused every file with two rows of one key
    repo.upsertRows(fields, rows, def.keyFields, { keysUnique: true }).forEach((outcome, i) => {
      const row = rowNumbers[i]!;
      if (outcome === 'created') result.created++;
      else if (outcome === 'updated') result.updated++;
      else if (outcome === 'unchanged') result.unchanged++;
      else if (outcome === 'confirmed') {
        problems.push(
          cellProblem(
            row,
            firstColumn,
            `この${def.label}は確定済みのため更新できません。画面で「確定取消」してから取り込むか、この行を元の内容に戻してください。`,
          ),
        );
      } else problems.push(cellProblem(row, constraintColumn(def, outcome.failed), constraintMessage(def, outcome.failed)));
    });
    // rolls back every write of this file
    if (problems.length > 0) throw csvInvalid(def.label, problems);
  });
  return result;
}

/** A guard's refusal of one row as problems on its cells (none: allowed). */
function refusedUpdate(def: MasterCsvDef, row: number, guard: () => void): FieldProblem[] {
  try {
    guard();
    return [];
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const fields = e.fields ?? [];
    if (fields.length === 0) return [cellProblem(row, def.columns[0]!.header, e.message)];
    return fields.map((f) => cellProblem(row, def.columns.find((c) => c.field === f.path)?.header ?? def.columns[0]!.header, f.message));
  }
}

function constraintText(e: unknown): string {
  return String((e as { message?: string }).message ?? '');
}

function constraintColumn(def: MasterCsvDef, e: unknown): string {
  const msg = constraintText(e);
  const hit = def.columns.find((c) => msg.includes(`${def.table}.${c.sqlColumn}`) && c.field !== 'code');
  return hit && !msg.includes(`${def.table}.code`) ? hit.header : def.columns[0]!.header;
}

/** The row's problem for a constraint it broke; anything else is not the row's fault and is thrown. */
function constraintMessage(def: MasterCsvDef, e: unknown): string {
  const kind = failureKind(e);
  if (kind === 'constraint-unique' && constraintText(e).includes('sku_code'))
    return 'このSKUコードはすでにほかの商品で使われています。別のSKUコードにしてください。';
  if (kind === 'constraint-unique') return `同じキーの${def.label}がすでにあります。コードを確認してください。`;
  if (kind === 'constraint-foreign-key') return '参照先のデータが見つかりません。コードを確認してください。';
  throw e;
}
