/**
 * BCart's stock write syntax (docs/bcart-api.md#stock-writes): a plain number overwrites (洗替), "+N" adds N and
 * "+-N" subtracts N. Anything else is rejected with BCart's message.
 */

export type StockOp = { kind: 'set'; value: number } | { kind: 'add'; delta: number };

/** The 422 message for an invalid stock value (docs/bcart-api.md#errors). */
export const STOCK_INVALID_MESSAGE = '在庫は数値で入力してください。';

/** Parses a stock value from a PATCH body; null when invalid. */
export function parseStockValue(v: unknown): StockOp | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? { kind: 'set', value: v } : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let m = /^-?\d{1,12}$/.exec(s);
  if (m) return { kind: 'set', value: Number(s) };
  m = /^\+(\d{1,12})$/.exec(s);
  if (m) return { kind: 'add', delta: Number(m[1]) };
  m = /^\+-(\d{1,12})$/.exec(s);
  if (m) return { kind: 'add', delta: -Number(m[1]) };
  return null;
}

/** Applies a parsed operation to a current stock (null = unmanaged counts as 0). */
export function applyStockOp(current: number | null, op: StockOp): number {
  return op.kind === 'set' ? op.value : (current ?? 0) + op.delta;
}
