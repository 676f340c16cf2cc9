/**
 * CSV import of one master. Invariant: a file is all or nothing. Every row is validated with the
 * form's zod schema first (problems by row, header = row 1, and column header, in Japanese); only a
 * file without any problem is written, in one synchronous better-sqlite3 transaction. A row whose
 * key (code; 商品: code + 枝番) exists updates that record — unless it is 確定 and the row would
 * change it, which is a problem of that row. Problems found while writing (e.g. a SKU code taken by
 * another product) roll the whole transaction back.
 */
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { CsvImportEncoding } from '../../../src-shared/csv/master-csv';
import { failureKind } from '../errors/classify-error';
import type { MasterRepository } from '../masters/master-repository';
import type { Repositories } from '../repositories';
import { decodeCsv } from './csv-encoding';
import { capProblems, cellProblem, readCsvRows, unguardFormula, type CsvRow } from './csv-records';
import { FALSE_WORDS, TRUE_WORDS, type MasterCsvColumn, type MasterCsvDef } from './master-csv-columns';

/** The repositories a master CSV import writes through. */
export type MasterCsvRepositories = Pick<Repositories, 'departments' | 'taxClasses' | 'workflows' | 'partners' | 'products' | 'bankAccounts' | 'transaction'>;

export interface MasterCsvImportResult {
  created: number;
  updated: number;
  unchanged: number;
  encoding: 'utf8' | 'cp932';
}

interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
}

const FILE_MESSAGE = 'CSVに誤りがあるため、何も取り込んでいません。一覧の行・列の内容を直してから、もう一度取り込んでください。';

function invalid(problems: FieldProblem[]): AppError {
  return new AppError('CSV_INVALID', FILE_MESSAGE, { fields: capProblems(problems) });
}

/** Cell → the value the schema expects; undefined leaves the schema's own "required" message. */
function cellValue(column: MasterCsvColumn, cell: string, taxClassIds: Map<string, number>, problem: (m: string) => void): unknown {
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
      if (text === column.labels?.true || TRUE_WORDS.includes(text)) return true;
      if (text === column.labels?.false || FALSE_WORDS.includes(text)) return false;
      const words = column.labels ? `「${column.labels.true}」か「${column.labels.false}」` : '「1」か「0」';
      problem(text === '' ? `値が空です。${words}を入力してください。` : `「${text}」は使えません。${words}を入力してください。`);
      return undefined;
    }
    case 'taxClassCode': {
      if (text === '') return null;
      const id = taxClassIds.get(text);
      if (id === undefined) problem(`税区分コード「${text}」は税区分マスタにありません。税区分マスタのコードを入力するか、空にしてください。`);
      return id ?? null;
    }
  }
}

interface CsvTable {
  header: CsvRow;
  /** header name → cell index */
  columns: Map<string, number>;
  records: CsvRow[];
  encoding: 'utf8' | 'cp932';
}

/** Bytes → header + data rows, or the problems of an unreadable file (encoding, quotes, duplicate columns). */
function readTable(bytes: Uint8Array, encoding: CsvImportEncoding): { ok: true; table: CsvTable } | { ok: false; problems: FieldProblem[] } {
  const decoded = decodeCsv(bytes, encoding);
  const read = readCsvRows(decoded.text);
  if (!read.ok) return read;
  const [header, ...records] = read.rows;
  if (header === undefined) return { ok: false, problems: [{ path: 'row1', row: 1, message: 'CSVが空です。1行目に見出し行のあるファイルを選んでください。' }] };
  const columnName = (i: number) => {
    const name = header.cells[i]?.trim() ?? '';
    return name === '' || name.includes('\uFFFD') ? `${i + 1}列目` : name;
  };
  const problems: FieldProblem[] = [];
  if (decoded.invalid) {
    const name = decoded.encoding === 'utf8' ? 'UTF-8' : 'Shift_JIS';
    for (const r of read.rows) {
      r.cells.forEach((c, i) => {
        if (c.includes('\uFFFD')) {
          problems.push(cellProblem(r.row, r === header ? `${i + 1}列目` : columnName(i), `文字コード(${name})として読めない文字があります。UTF-8 または Shift_JIS で保存し直してください。`));
        }
      });
    }
    return { ok: false, problems };
  }
  const columns = new Map<string, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim();
    if (columns.has(name)) problems.push(cellProblem(header.row, columnName(i), '同じ名前の列が2つあります。どちらか一方を削除してください。'));
    else columns.set(name, i);
  });
  for (const r of records) {
    if (r.cells.slice(header.cells.length).some((c) => c.trim() !== '')) {
      problems.push({
        path: `${r.row}`,
        row: r.row,
        message: `${r.row}行目: 見出し行より列が多くなっています(${r.cells.length}列)。区切りの「,」や「"」を確認してください。`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { header, columns, records, encoding: decoded.encoding } };
}

/** Checks the header (required columns present, no unknown column). */
function headerProblems(def: MasterCsvDef, table: CsvTable): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = def.columns.map((c) => c.header);
  for (const name of table.columns.keys()) {
    if (!known.includes(name)) {
      problems.push(cellProblem(table.header.row, name || '(空の列名)', `${def.label}のCSVにない列です。列名は「${known.join('」「')}」を使ってください。`));
    }
  }
  for (const c of def.columns) {
    if (c.required && !table.columns.has(c.header)) {
      problems.push(cellProblem(table.header.row, c.header, `必須の列「${c.header}」がありません。見出し行(1行目)に「${c.header}」列を追加してください。`));
    }
  }
  return problems;
}

function keyOf(def: MasterCsvDef, values: Record<string, unknown>): string {
  return JSON.stringify(def.keyFields.map((k) => values[k] ?? ''));
}

/** Validates every row; returns the parsed rows or the problems. Pure apart from the tax-class lookup. */
export function parseMasterCsv(
  def: MasterCsvDef,
  bytes: Uint8Array,
  encoding: CsvImportEncoding,
  taxClassIds: Map<string, number>,
): { ok: true; rows: ParsedRow[]; encoding: 'utf8' | 'cp932' } | { ok: false; problems: FieldProblem[] } {
  const read = readTable(bytes, encoding);
  if (!read.ok) return read;
  const { table } = read;
  const problems = headerProblems(def, table);
  if (problems.length > 0) return { ok: false, problems };
  if (table.records.length === 0) {
    const row = table.header.row + 1;
    return { ok: false, problems: [{ path: `row${row}`, row, message: `データ行がありません。${row}行目以降に取り込むデータを入力してください。` }] };
  }
  const byField = new Map(def.columns.map((c) => [c.field, c]));
  const seen = new Map<string, number>();
  const rows: ParsedRow[] = [];
  for (const record of table.records) {
    const raw: Record<string, unknown> = {};
    let rowOk = true;
    for (const column of def.columns) {
      const i = table.columns.get(column.header);
      const cell = i === undefined ? '' : (record.cells[i] ?? '');
      const value = cellValue(column, cell, taxClassIds, (message) => {
        rowOk = false;
        problems.push(cellProblem(record.row, column.header, message));
      });
      if (value !== undefined) raw[column.field] = value;
    }
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) {
      rowOk = false;
      for (const issue of parsed.error.issues) {
        const column = byField.get(String(issue.path[0] ?? ''))?.header ?? def.columns[0]!.header;
        // a cell already reported by cellValue gets no second, vaguer message
        if (!problems.some((p) => p.row === record.row && p.column === column)) problems.push(cellProblem(record.row, column, issue.message));
      }
    }
    if (!rowOk || !parsed.success) continue;
    const values = parsed.data as Record<string, unknown>;
    const key = keyOf(def, values);
    const first = seen.get(key);
    if (first !== undefined) {
      const what = def.keyFields.length > 1 ? 'コードと枝番' : 'コード';
      problems.push(cellProblem(record.row, def.columns[0]!.header, `${first}行目と同じ${what}です。1つのファイルに同じ${what}の行は1行だけにしてください。`));
      continue;
    }
    seen.set(key, record.row);
    rows.push({ row: record.row, values });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rows, encoding: table.encoding };
}

/**
 * Imports a whole file: validate all rows, then write all rows in one transaction through the
 * master's repository, or throw CSV_INVALID with the problems and write nothing.
 */
export function importMasterCsv(repos: MasterCsvRepositories, def: MasterCsvDef, bytes: Uint8Array, encoding: CsvImportEncoding): MasterCsvImportResult {
  const parsed = parseMasterCsv(def, bytes, encoding, repos.taxClasses.idsByCode());
  if (!parsed.ok) throw invalid(parsed.problems);
  const result: MasterCsvImportResult = { created: 0, updated: 0, unchanged: 0, encoding: parsed.encoding };
  const firstColumn = def.columns[0]!.header;
  const repo = repos[def.master] as MasterRepository<{ id: number; confirmed: boolean }, Record<string, unknown>>;
  repos.transaction(() => {
    // every column of the layout, absent optional values as null (so "unchanged" compares like the table)
    const rows = parsed.rows.map(({ values }) => Object.fromEntries(def.columns.map((c) => [c.field, values[c.field] ?? null])));
    const problems: FieldProblem[] = [];
    repo.upsertMany(rows, def.keyFields).forEach((outcome, i) => {
      const row = parsed.rows[i]!.row;
      if (outcome === 'created') result.created++;
      else if (outcome === 'updated') result.updated++;
      else if (outcome === 'unchanged') result.unchanged++;
      else if (outcome === 'confirmed') {
        problems.push(cellProblem(row, firstColumn, `この${def.label}は確定済みのため更新できません。画面で「確定取消」してから取り込むか、この行を元の内容に戻してください。`));
      } else problems.push(cellProblem(row, constraintColumn(def, outcome.failed), constraintMessage(def, outcome.failed)));
    });
    // rolls back every write of this file
    if (problems.length > 0) throw invalid(problems);
  });
  return result;
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
  if (kind === 'constraint-unique' && constraintText(e).includes('sku_code')) return 'このSKUコードはすでにほかの商品で使われています。別のSKUコードにしてください。';
  if (kind === 'constraint-unique') return `同じキーの${def.label}がすでにあります。コードを確認してください。`;
  if (kind === 'constraint-foreign-key') return '参照先のデータが見つかりません。コードを確認してください。';
  throw e;
}
