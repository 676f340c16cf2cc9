/**
 * 粗利 of a 売上分析 group (docs/sales-rules.md#sales-analysis): 税抜売上 − 原価, shown only when
 * every line of the group has a 原価 (cost null → no 粗利), and 粗利率 = 粗利 ÷ 税抜売上 to one
 * decimal place (rounded half away from zero), exact in decimal.js.
 */
import Decimal from 'decimal.js';

export function grossMargin(net: number, cost: number | null): number | null {
  return cost === null ? null : net - cost;
}

/** "25.3%"; null without a 粗利 or when 税抜売上 is 0 (no rate of nothing). */
export function grossMarginRate(net: number, margin: number | null): string | null {
  if (margin === null || net === 0) return null;
  return `${new Decimal(margin).times(100).dividedBy(net).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)}%`;
}
