/**
 * The preview (プレビュー) as CSV: one row per change, old → new, so the user can keep or check the
 * list before the irreversible run. Written like every CSV of the app (core/csv/csv-write.ts).
 */
import { PLAN_FIELD_LABELS } from '../../../src-shared/tax-update/labels';
import type { PlanChange } from '../../../src-shared/tax-update/types';
import { columnsByHeader, writeCsv, type CsvCell, type CsvWriteOptions, type CsvWriteResult } from '../csv/csv-write';

export const PLAN_CSV_HEADERS = ['申込コード', '商品番号', '枝番', '項目', 'オプション名', '変更前', '変更後'] as const;
type Column = (typeof PLAN_CSV_HEADERS)[number];

/** Row of the CSV for one change. */
const rowOf = (c: PlanChange): Record<Column, CsvCell> => ({
  申込コード: c.applicationCode,
  商品番号: c.productCode,
  枝番: c.variation,
  項目: PLAN_FIELD_LABELS[c.field],
  オプション名: c.optionName ?? '',
  変更前: c.old,
  変更後: c.new,
});

function* rowsOf(changes: Iterable<PlanChange>): Generator<Record<Column, CsvCell>> {
  for (const c of changes) yield rowOf(c);
}

/**
 * Writes the plan's changes in plan order (application code, item, field, option). `changes` may
 * be a stream (the preview's change list read from the database a page at a time).
 */
export function serialisePlanChangesCsv(changes: Iterable<PlanChange>, opts: CsvWriteOptions): CsvWriteResult {
  return writeCsv(columnsByHeader(PLAN_CSV_HEADERS), rowsOf(changes), opts);
}
