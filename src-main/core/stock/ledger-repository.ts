/**
 * 在庫元帳 rows written by stock slips and 在庫移行 (imports write their own 出荷 rows), and the
 * read side of 在庫一覧: stock per warehouse × product, book stock for 棚卸調整, movements.
 */
import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { MovementRow, StockListInput, StockRow } from '../../../src-shared/stock/stock-book';
import { partners, products, stockLedger } from '../db/schema';
import type { Movement } from './rules/slip-movements';
import type { Db } from '../db/db-handle';

export type LedgerSource = 'receipt' | 'transfer' | 'adjustment' | 'opening';

const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createLedgerRepository(db: Db) {
  const orm = db.orm;
  const qty = sql<number>`coalesce(sum(${stockLedger.quantity}), 0)`.mapWith(Number);
  let insert: ReturnType<Db['sqlite']['prepare']> | null = null;
  const insertRow = () =>
    (insert ??= db.sqlite.prepare(
      'insert into stock_ledger (warehouse_id, product_id, quantity, source_type, source_id, date, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    ));

  return {
    /**
     * Writes a slip's movements inside the caller's transaction. One prepared statement run per row on
     * purpose: the 確定 of bench/stock-push.bench.ts (1,000 rows) spent most of its time in building
     * one multi-row drizzle insert.
     */
    write(source: LedgerSource, sourceId: number, date: string, movements: readonly Movement[], now: string): number {
      if (movements.length === 0) return 0;
      const ins = insertRow();
      for (const m of movements) ins.run(m.warehouseId, m.productId, m.quantity, source, sourceId, date, now);
      return movements.length;
    },

    /** The rows a slip wrote (summed per warehouse × product), as movements. */
    rowsOf(source: LedgerSource, sourceId: number): Movement[] {
      return orm
        .select({ warehouseId: stockLedger.warehouseId, productId: stockLedger.productId, quantity: stockLedger.quantity })
        .from(stockLedger)
        .where(and(eq(stockLedger.sourceType, source), eq(stockLedger.sourceId, sourceId)))
        .orderBy(asc(stockLedger.id))
        .all();
    },

    remove(source: LedgerSource, sourceId: number): void {
      orm
        .delete(stockLedger)
        .where(and(eq(stockLedger.sourceType, source), eq(stockLedger.sourceId, sourceId)))
        .run();
    },

    /** Book stock of products in one warehouse (0 for products without movements). */
    balances(warehouseId: number, productIds: readonly number[]): Map<number, number> {
      const out = new Map<number, number>(productIds.map((id) => [id, 0]));
      for (let i = 0; i < productIds.length; i += 500) {
        const chunk = productIds.slice(i, i + 500);
        const rows = orm
          .select({ productId: stockLedger.productId, quantity: qty })
          .from(stockLedger)
          .where(and(eq(stockLedger.warehouseId, warehouseId), inArray(stockLedger.productId, chunk)))
          .groupBy(stockLedger.productId)
          .all();
        for (const r of rows) out.set(r.productId, r.quantity);
      }
      return out;
    },

    /** Stock of every product with movements in one warehouse. */
    warehouseBalances(warehouseId: number): Map<number, number> {
      const rows = orm
        .select({ productId: stockLedger.productId, quantity: qty })
        .from(stockLedger)
        .where(eq(stockLedger.warehouseId, warehouseId))
        .groupBy(stockLedger.productId)
        .all();
      return new Map(rows.map((r) => [r.productId, r.quantity]));
    },

    /** 在庫一覧: quantity per warehouse × product (products that ever moved), warehouse then product code order. */
    list(input: StockListInput): { rows: StockRow[]; total: number } {
      const filters: SQL[] = [];
      if (input.warehouseId !== undefined) filters.push(eq(stockLedger.warehouseId, input.warehouseId));
      const q = input.search?.trim();
      if (q) {
        const p = escapeLike(q);
        filters.push(
          sql`(${or(sql`${like(products.code, p)} escape '\\'`, sql`${like(products.name, p)} escape '\\'`, sql`${like(products.skuCode, p)} escape '\\'`)})`,
        );
      }
      const base = orm
        .select({
          warehouseId: stockLedger.warehouseId,
          warehouseCode: partners.code,
          warehouseName: partners.name,
          productId: stockLedger.productId,
          productCode: products.code,
          skuCode: products.skuCode,
          productName: products.name,
          quantity: qty,
        })
        .from(stockLedger)
        .innerJoin(partners, eq(partners.id, stockLedger.warehouseId))
        .innerJoin(products, eq(products.id, stockLedger.productId))
        .where(filters.length > 0 ? and(...filters) : undefined)
        .groupBy(stockLedger.warehouseId, stockLedger.productId)
        .having(input.nonZero ? sql`sum(${stockLedger.quantity}) <> 0` : undefined)
        .orderBy(asc(partners.code), asc(products.code), asc(products.id));
      const rows = base.all();
      return { rows: input.limit ? rows.slice(0, input.limit) : rows, total: rows.length };
    },

    /** Movements of one warehouse × product with the running balance, newest first. */
    movements(warehouseId: number, productId: number, limit = 5000): { rows: MovementRow[]; quantity: number } {
      const all = orm
        .select({
          id: stockLedger.id,
          date: stockLedger.date,
          sourceType: stockLedger.sourceType,
          sourceId: stockLedger.sourceId,
          quantity: stockLedger.quantity,
        })
        .from(stockLedger)
        .where(and(eq(stockLedger.warehouseId, warehouseId), eq(stockLedger.productId, productId)))
        .orderBy(asc(stockLedger.date), asc(stockLedger.id))
        .all();
      let balance = 0;
      const rows = all.map((r) => ({ ...r, balance: (balance += r.quantity) }));
      return { rows: rows.reverse().slice(0, limit), quantity: balance };
    },
  };
}
export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
