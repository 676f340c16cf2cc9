/**
 * stock_slips / stock_slip_lines: the only writer of these tables, plus the list and detail reads of
 * the slip screens. No rules here: the service validates and calls these inside its transaction.
 */
import { and, asc, count, desc, eq, gte, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../../src-shared/errors';
import type { StockSlipDetail, StockSlipKind, StockSlipListInput, StockSlipRow } from '../../../src-shared/stock/stock-slip';
import { departments, partners, products, stockSlipLines, stockSlips, workflows } from '../db/schema';
import type { Db } from '../db/db-handle';

export interface SlipValues {
  kind: StockSlipKind;
  date: string;
  warehouseId: number;
  toWarehouseId: number | null;
  supplierId: number | null;
  departmentId: number | null;
  workflowId: number | null;
  memo: string;
}

export interface SlipLineValues {
  productId: number;
  quantity: number;
}

/** The masters a slip names, as the slip check reads them (stock-slip-rules.ts). */
export interface SlipRefs {
  partners: Map<number, { id: number; code: string; kind: string; confirmed: boolean }>;
  department: { confirmed: boolean } | null;
  workflows: { id: number; name: string; kind: string; confirmed: boolean }[];
  products: Map<number, { id: number; code: string; confirmed: boolean; inventoryTracked: boolean }>;
}

export type SlipHeadRow = typeof stockSlips.$inferSelect;
export type SlipLineRow = typeof stockSlipLines.$inferSelect;

const toWh = alias(partners, 'to_wh');
const supplier = alias(partners, 'supplier');
const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createStockSlipRepository(db: Db) {
  const orm = db.orm;
  function insertLines(slipId: number, lines: readonly SlipLineValues[]): void {
    orm
      .insert(stockSlipLines)
      .values(lines.map((l, i) => ({ slipId, lineNo: i + 1, productId: l.productId, quantity: l.quantity })))
      .run();
  }

  function refs(ids: { partnerIds: readonly number[]; departmentId: number | null; productIds: readonly number[] }): SlipRefs {
    const partnerRows = ids.partnerIds.length
      ? orm
          .select({ id: partners.id, code: partners.code, kind: partners.kind, confirmed: partners.confirmed })
          .from(partners)
          .where(inArray(partners.id, [...ids.partnerIds]))
          .all()
      : [];
    const productRows = ids.productIds.length
      ? orm
          .select({ id: products.id, code: products.code, confirmed: products.confirmed, inventoryTracked: products.inventoryTracked })
          .from(products)
          .where(inArray(products.id, [...ids.productIds]))
          .all()
      : [];
    return {
      partners: new Map(partnerRows.map((p) => [p.id, p])),
      department:
        ids.departmentId === null
          ? null
          : (orm.select({ confirmed: departments.confirmed }).from(departments).where(eq(departments.id, ids.departmentId)).get() ?? null),
      workflows: orm
        .select({ id: workflows.id, name: workflows.name, kind: workflows.kind, confirmed: workflows.confirmed })
        .from(workflows)
        .all(),
      products: new Map(productRows.map((p) => [p.id, p])),
    };
  }

  /** How a slip names things by code (the CLI): products with this SKU code, and with this product code and no SKU. */
  function productIdsByCode(code: string): { bySku: number[]; byCode: number[] } {
    const ids = (where: SQL | undefined) =>
      orm
        .select({ id: products.id })
        .from(products)
        .where(where)
        .all()
        .map((r) => r.id);
    return {
      bySku: ids(eq(products.skuCode, code)),
      byCode: ids(and(eq(products.code, code), or(sql`${products.skuCode} is null`, eq(products.skuCode, '')))),
    };
  }

  /** The 取引先 with this code (any kind), or undefined. */
  function partnerByCode(code: string): { id: number; kind: string } | undefined {
    return orm.select({ id: partners.id, kind: partners.kind }).from(partners).where(eq(partners.code, code)).get();
  }

  function head(id: number): SlipHeadRow | undefined {
    return orm.select().from(stockSlips).where(eq(stockSlips.id, id)).get();
  }

  function lines(id: number): SlipLineRow[] {
    return orm.select().from(stockSlipLines).where(eq(stockSlipLines.slipId, id)).orderBy(asc(stockSlipLines.lineNo)).all();
  }

  function rowFilters(q: StockSlipListInput): SQL[] {
    const f: SQL[] = [];
    if (q.kind) f.push(eq(stockSlips.kind, q.kind));
    if (q.from) f.push(gte(stockSlips.date, q.from));
    if (q.to) f.push(lte(stockSlips.date, q.to));
    if (q.confirmed === 'confirmed') f.push(eq(stockSlips.confirmed, true));
    if (q.confirmed === 'unconfirmed') f.push(eq(stockSlips.confirmed, false));
    const s = q.search?.trim();
    if (s) {
      const p = escapeLike(s);
      const byProduct = orm
        .select({ id: stockSlipLines.slipId })
        .from(stockSlipLines)
        .innerJoin(products, eq(products.id, stockSlipLines.productId))
        .where(
          sql`(${like(products.code, p)} escape '\\' or ${like(products.name, p)} escape '\\' or ${like(products.skuCode, p)} escape '\\')`,
        );
      f.push(
        sql`(${or(
          sql`${like(partners.code, p)} escape '\\'`,
          sql`${like(partners.name, p)} escape '\\'`,
          sql`${like(toWh.code, p)} escape '\\'`,
          sql`${like(toWh.name, p)} escape '\\'`,
          sql`${like(stockSlips.memo, p)} escape '\\'`,
          inArray(stockSlips.id, byProduct),
        )})`,
      );
    }
    return f;
  }

  return {
    refs,
    productIdsByCode,
    partnerByCode,
    head,
    lines,

    get(id: number): SlipHeadRow {
      const h = head(id);
      if (!h) throw new AppError('NOT_FOUND', `伝票番号 ${id} の在庫伝票が見つかりません。一覧を再読み込みしてください。`);
      return h;
    },

    insert(values: SlipValues, slipLines: readonly SlipLineValues[], now: string): number {
      const r = orm
        .insert(stockSlips)
        .values({ ...values, confirmed: false, createdAt: now, updatedAt: now })
        .returning({ id: stockSlips.id })
        .get();
      insertLines(r.id, slipLines);
      return r.id;
    },

    update(id: number, values: SlipValues, slipLines: readonly SlipLineValues[], now: string): void {
      orm
        .update(stockSlips)
        .set({ ...values, updatedAt: now })
        .where(eq(stockSlips.id, id))
        .run();
      orm.delete(stockSlipLines).where(eq(stockSlipLines.slipId, id)).run();
      insertLines(id, slipLines);
    },

    remove(id: number): void {
      orm.delete(stockSlips).where(eq(stockSlips.id, id)).run();
    },

    setConfirmed(id: number, confirmed: boolean, now: string): void {
      orm
        .update(stockSlips)
        .set({ confirmed, confirmedAt: confirmed ? now : null, updatedAt: now })
        .where(eq(stockSlips.id, id))
        .run();
    },

    /** 棚卸調整: the book stock each line was compared with (null clears it at 確定取消). */
    setBookQuantities(id: number, book: ReadonlyMap<number, number> | null): void {
      for (const l of lines(id)) {
        orm
          .update(stockSlipLines)
          .set({ bookQuantity: book === null ? null : (book.get(l.productId) ?? 0) })
          .where(eq(stockSlipLines.id, l.id))
          .run();
      }
    },

    list(q: StockSlipListInput): { rows: StockSlipRow[]; total: number } {
      const f = rowFilters(q);
      const where = f.length > 0 ? and(...f) : undefined;
      const from = () =>
        orm
          .select({
            id: stockSlips.id,
            kind: stockSlips.kind,
            date: stockSlips.date,
            warehouseCode: partners.code,
            warehouseName: partners.name,
            toWarehouseCode: toWh.code,
            toWarehouseName: toWh.name,
            memo: stockSlips.memo,
            confirmed: stockSlips.confirmed,
            lineCount: sql<number>`(select count(*) from ${stockSlipLines} l where l.slip_id = ${stockSlips.id})`.mapWith(Number),
            totalQuantity:
              sql<number>`(select coalesce(sum(l.quantity), 0) from ${stockSlipLines} l where l.slip_id = ${stockSlips.id})`.mapWith(
                Number,
              ),
          })
          .from(stockSlips)
          .innerJoin(partners, eq(partners.id, stockSlips.warehouseId))
          .leftJoin(toWh, eq(toWh.id, stockSlips.toWarehouseId));
      const total = orm
        .select({ n: count() })
        .from(stockSlips)
        .innerJoin(partners, eq(partners.id, stockSlips.warehouseId))
        .leftJoin(toWh, eq(toWh.id, stockSlips.toWarehouseId))
        .where(where)
        .get()!.n;
      const rows = from()
        .where(where)
        .orderBy(desc(stockSlips.date), desc(stockSlips.id))
        .limit(q.limit ?? 1000)
        .offset(q.offset ?? 0)
        .all();
      return { rows, total };
    },

    detail(id: number): StockSlipDetail {
      const h = orm
        .select({
          id: stockSlips.id,
          kind: stockSlips.kind,
          date: stockSlips.date,
          warehouseId: stockSlips.warehouseId,
          warehouseCode: partners.code,
          warehouseName: partners.name,
          toWarehouseId: stockSlips.toWarehouseId,
          toWarehouseCode: toWh.code,
          toWarehouseName: toWh.name,
          supplierId: stockSlips.supplierId,
          supplierName: supplier.name,
          departmentId: stockSlips.departmentId,
          departmentName: departments.name,
          workflowId: stockSlips.workflowId,
          workflowName: workflows.name,
          memo: stockSlips.memo,
          confirmed: stockSlips.confirmed,
          confirmedAt: stockSlips.confirmedAt,
          createdAt: stockSlips.createdAt,
          updatedAt: stockSlips.updatedAt,
        })
        .from(stockSlips)
        .innerJoin(partners, eq(partners.id, stockSlips.warehouseId))
        .leftJoin(toWh, eq(toWh.id, stockSlips.toWarehouseId))
        .leftJoin(supplier, eq(supplier.id, stockSlips.supplierId))
        .leftJoin(departments, eq(departments.id, stockSlips.departmentId))
        .leftJoin(workflows, eq(workflows.id, stockSlips.workflowId))
        .where(eq(stockSlips.id, id))
        .get();
      if (!h) throw new AppError('NOT_FOUND', `伝票番号 ${id} の在庫伝票が見つかりません。一覧を再読み込みしてください。`);
      const ls = orm
        .select({
          lineNo: stockSlipLines.lineNo,
          productId: stockSlipLines.productId,
          productCode: products.code,
          skuCode: products.skuCode,
          productName: products.name,
          unitQuantity: products.unitQuantity,
          quantity: stockSlipLines.quantity,
          bookQuantity: stockSlipLines.bookQuantity,
        })
        .from(stockSlipLines)
        .innerJoin(products, eq(products.id, stockSlipLines.productId))
        .where(eq(stockSlipLines.slipId, id))
        .orderBy(asc(stockSlipLines.lineNo))
        .all()
        .map((l) => ({ ...l, difference: h.kind === 'adjustment' && l.bookQuantity !== null ? l.quantity - l.bookQuantity : null }));
      return {
        ...h,
        lineCount: ls.length,
        totalQuantity: ls.reduce((s, l) => s + l.quantity, 0),
        lines: ls,
      };
    },
  };
}
export type StockSlipRepository = ReturnType<typeof createStockSlipRepository>;
