/**
 * The simulated shop's stock, per product set, with BCart's semantics (docs/bcart-api.md#stock-writes):
 * - a plain number overwrites (洗替), "+N" adds, "+-N" subtracts, on every write route;
 * - a set whose stock BCart does not manage (`stock` null, `stock_flag` 1) refuses a relative value
 *   (there is nothing to add to) unless the same row turns management on with `stock_flag: 0`;
 * - a buyer's order takes its quantity off the set at once (BCart reserves at order time), a
 *   cancellation gives it back;
 * - every change is journaled with the request id it came with, so tests can count how often one
 *   send was applied without trusting the client's own records.
 * Writes of one request are atomic: any invalid row refuses the whole request.
 */
import { applyStockOp, parseStockValue, STOCK_INVALID_MESSAGE, type StockOp } from './stock-value';
import type { WireProductSet } from './wire-types';

/** One applied change of one set. */
export interface StockJournalEntry {
  setId: number;
  /** api: a PATCH; order: a buyer's order; cancel: an order cancelled; admin: a test/admin edit */
  source: 'api' | 'order' | 'cancel' | 'admin';
  /** X-Request-Id of the PATCH, when it carried one */
  requestId: string | null;
  /** the order of an order/cancel entry */
  orderId: number | null;
  op: StockOp;
  before: number | null;
  after: number | null;
  at: number;
}

export type StockKey = { id: number } | { productNo: string };

export interface StockWriteRow {
  key: StockKey;
  stock: unknown;
  stockFlag?: unknown;
}

/** The message BCart answers for a relative value on an unmanaged set (wording [G]). */
export const UNMANAGED_MESSAGE = '在庫管理をしていないセットの在庫は増減できません。';
/** The message of a set the test made refuse writes (stands for any per-set refusal of BCart). */
export const REFUSED_MESSAGE = 'このセットの在庫は現在更新できません。';

export class StockBook {
  readonly journal: StockJournalEntry[] = [];
  /** sets that refuse every stock write (tests: "a rejected batch is split to isolate the set") */
  readonly refused = new Set<number>();

  constructor(
    private readonly lookup: (key: StockKey) => WireProductSet | undefined,
    private readonly clock: { now(): number },
    private readonly stamp: (ms: number) => string,
  ) {}

  /** Applies the rows of one write request atomically; BCart's 422 errors when any row is invalid. */
  write(
    rows: StockWriteRow[],
    requestId: string | null,
  ): { ok: true; sets: WireProductSet[] } | { ok: false; errors: Record<string, string>[] } {
    const errors: Record<string, string>[] = [];
    const plan: Array<{ set: WireProductSet; op: StockOp; flag?: number }> = [];
    for (const row of rows) {
      const set = this.lookup(row.key);
      if (!set) {
        errors.push('id' in row.key ? { id: '指定されたセットIDは存在しません。' } : { product_no: '指定された品番は存在しません。' });
        continue;
      }
      const op = parseStockValue(row.stock);
      if (!op) {
        errors.push({ stock: STOCK_INVALID_MESSAGE });
        continue;
      }
      const f = row.stockFlag;
      if (f !== undefined && f !== 0 && f !== 1 && f !== '0' && f !== '1') {
        errors.push({ stock_flag: '在庫フラグは0または1で入力してください。' });
        continue;
      }
      const flag = f === undefined ? undefined : Number(f);
      if (this.refused.has(set.id)) {
        errors.push({ [`product_sets.${set.id}.stock`]: REFUSED_MESSAGE });
        continue;
      }
      const managedAfter = (flag ?? set.stock_flag) === 0;
      if (op.kind === 'add' && (!managedAfter || (set.stock === null && flag === undefined))) {
        errors.push({ [`product_sets.${set.id}.stock`]: UNMANAGED_MESSAGE });
        continue;
      }
      plan.push(flag === undefined ? { set, op } : { set, op, flag });
    }
    if (errors.length > 0) return { ok: false, errors };
    for (const p of plan) this.change(p.set, p.op, { source: 'api', requestId, orderId: null }, p.flag);
    return { ok: true, sets: plan.map((p) => p.set) };
  }

  /** A buyer's order line (or its cancellation): −count (or +count) on a managed set; unmanaged sets stay null. */
  reserve(set: WireProductSet, count: number, orderId: number, source: 'order' | 'cancel'): void {
    if (set.stock === null || set.stock_flag !== 0) return;
    this.change(set, { kind: 'add', delta: source === 'order' ? -count : count }, { source, requestId: null, orderId });
  }

  /** Sets stock / stock_flag directly (test and admin edits: "a drift made in BCart's admin screen"). */
  adminSet(set: WireProductSet, values: { stock?: number | null; stockFlag?: number }): void {
    const before = set.stock;
    if (values.stockFlag !== undefined) set.stock_flag = values.stockFlag;
    if (values.stock !== undefined) set.stock = values.stock;
    if (set.stock_flag === 1 && values.stock === undefined) set.stock = null;
    set.updated_at = this.stamp(this.clock.now());
    this.journal.push({
      setId: set.id,
      source: 'admin',
      requestId: null,
      orderId: null,
      op: { kind: 'set', value: set.stock ?? 0 },
      before,
      after: set.stock,
      at: this.clock.now(),
    });
  }

  /** Journal entries of API writes carrying `requestId`. */
  appliedWith(requestId: string): StockJournalEntry[] {
    return this.journal.filter((e) => e.source === 'api' && e.requestId === requestId);
  }

  private change(set: WireProductSet, op: StockOp, who: Pick<StockJournalEntry, 'source' | 'requestId' | 'orderId'>, flag?: number): void {
    const before = set.stock;
    set.stock = applyStockOp(set.stock, op);
    if (flag !== undefined) set.stock_flag = flag;
    set.updated_at = this.stamp(this.clock.now());
    this.journal.push({ setId: set.id, ...who, op, before, after: set.stock, at: this.clock.now() });
  }
}
