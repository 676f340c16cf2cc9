/**
 * The preview (プレビュー) as CSV: one row per change, old → new, so the user can keep or check the
 * list before the irreversible run. Written like every CSV of the app (core/csv/csv-write.ts).
 */
import { PLAN_FIELD_LABELS } from '../../../src-shared/tax-update/labels';
import type { TaxUpdatePlan } from '../../../src-shared/tax-update/types';
import { columnsByHeader, writeCsv, type CsvCell, type CsvWriteOptions, type CsvWriteResult } from '../csv/csv-write';

export const PLAN_CSV_HEADERS = ['申込コード', '商品番号', '枝番', '項目', 'オプション名', '変更前', '変更後'] as const;
type Column = (typeof PLAN_CSV_HEADERS)[number];

/** Writes the plan's changes in plan order (application code, item, field, option). */
export function serialisePlanChangesCsv(plan: Pick<TaxUpdatePlan, 'changes'>, opts: CsvWriteOptions): CsvWriteResult {
  const rows = plan.changes.map((c): Record<Column, CsvCell> => ({
    申込コード: c.applicationCode,
    商品番号: c.productCode,
    枝番: c.variation,
    項目: PLAN_FIELD_LABELS[c.field],
    オプション名: c.optionName ?? '',
    変更前: c.old,
    変更後: c.new,
  }));
  return writeCsv(columnsByHeader(PLAN_CSV_HEADERS), rows, opts);
}
