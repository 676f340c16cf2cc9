/**
 * CSV export of one master through the app's one writer (csv-write.ts): the master's Japanese
 * headers, text cells formula-guarded, numbers as numbers, 対象/対象外 words for flags and the
 * 税区分コード for the tax class id.
 */
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { csvUnencodable } from './csv-problems';
import { writeCsv, type CsvCell, type CsvWriteResult } from './csv-write';
import type { MasterCsvColumn, MasterCsvDef } from './master-csv-columns';

/** One value of a row → its cell. */
function cellOf(column: MasterCsvColumn, value: unknown, taxClassCodes: ReadonlyMap<number, string>): CsvCell {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'int':
      return typeof value === 'number' ? value : String(value);
    case 'bool':
      return value ? (column.labels?.true ?? '1') : (column.labels?.false ?? '0');
    case 'taxClassCode':
      return taxClassCodes.get(Number(value)) ?? '';
    case 'text':
      return String(value);
  }
}

/** Rows (as the repository returns them, camelCase) → the CSV file, or the cells that cannot be written. */
export function writeMasterCsv(
  def: MasterCsvDef,
  rows: readonly Record<string, unknown>[],
  encoding: CsvEncoding,
  taxClassCodes: ReadonlyMap<number, string>,
): CsvWriteResult {
  const columns = def.columns.map((c) => ({ header: c.header, cell: (r: Record<string, unknown>) => cellOf(c, r[c.field], taxClassCodes) }));
  return writeCsv(columns, rows, { encoding });
}

/**
 * Rows → CSV bytes.
 * @throws CSV_UNENCODABLE listing every cell CP932 cannot hold
 */
export function exportMasterCsv(...args: Parameters<typeof writeMasterCsv>): Uint8Array {
  const file = writeMasterCsv(...args);
  if (!file.ok) throw csvUnencodable(file.problems);
  return file.bytes;
}
