/**
 * The preview (プレビュー) as CSV: one row per change, old → new, so the user can keep or check the
 * list before the irreversible run. Same encodings and guards as the subscription CSV.
 */
import { PLAN_FIELD_LABELS } from '../../../src-shared/tax-update/labels';
import type { TaxUpdatePlan } from '../../../src-shared/tax-update/types';
import { writeCsv, type CsvSerialiseResult, type CsvWriteOptions } from './csv-writer';

export const PLAN_CSV_HEADERS = ['申込コード', '商品番号', '枝番', '項目', 'オプション名', '変更前', '変更後'] as const;
type Column = (typeof PLAN_CSV_HEADERS)[number];

const NUMBER_COLUMNS: ReadonlySet<Column> = new Set<Column>(['変更前', '変更後']);

/** Writes the plan's changes in plan order (application code, item, field, option). */
export function serialisePlanChangesCsv(plan: Pick<TaxUpdatePlan, 'changes'>, opts: CsvWriteOptions): CsvSerialiseResult {
  const rows = plan.changes.map((c): Record<Column, string | number> => ({
    申込コード: c.applicationCode,
    商品番号: c.productCode,
    枝番: c.variation,
    項目: PLAN_FIELD_LABELS[c.field],
    オプション名: c.optionName ?? '',
    変更前: c.old,
    変更後: c.new,
  }));
  return writeCsv(PLAN_CSV_HEADERS, rows, NUMBER_COLUMNS, opts);
}
