/**
 * BCart tax rates ("0.1", "0.08", "0") → the app's 税区分 of the EC連携設定. Rates are compared
 * as exact decimals so "0.10" and "0.1" agree; any other rate is not guessed at but reported.
 */
import Decimal from 'decimal.js';
import type { ImportSettings } from './import-masters';
import type { TaxRatePercent } from './import-plan';
import { parseDecimal } from './yen-amount';

/** The 税区分 and percent a BCart rate maps to. */
export interface TaxClassRef {
  taxClassId: number;
  taxRate: TaxRatePercent;
}

/** Maps a BCart decimal rate to 標準 / 軽減 / 非課税; null for any other rate or a bad string. */
export function taxClassOfRate(rate: string, settings: ImportSettings): TaxClassRef | null {
  let percent = percentByRate.get(rate);
  if (percent === undefined) {
    percent = percentOf(rate);
    // a shop sends a handful of distinct spellings; the bound keeps odd input from growing it
    if (percentByRate.size < 256) percentByRate.set(rate, percent);
  }
  return percent === null ? null : taxClassOfPercent(percent, settings);
}

/** What each rate string seen means: the import asks once per line (~50,000 times per 10,000 orders). */
const percentByRate = new Map<string, TaxRatePercent | null>();

function percentOf(rate: string): TaxRatePercent | null {
  const d = parseDecimal(rate);
  if (d === null) return null;
  const percent = d.times(100);
  if (percent.equals(new Decimal(10))) return 10;
  if (percent.equals(new Decimal(8))) return 8;
  if (percent.isZero()) return 0;
  return null;
}

/** The class for a percent the app already knows (fee and point lines are standard-rated). */
export function taxClassOfPercent(rate: TaxRatePercent, settings: ImportSettings): TaxClassRef {
  if (rate === 10) return { taxClassId: settings.standardTaxClassId, taxRate: 10 };
  if (rate === 8) return { taxClassId: settings.reducedTaxClassId, taxRate: 8 };
  return { taxClassId: settings.exemptTaxClassId, taxRate: 0 };
}
