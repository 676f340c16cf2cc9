/**
 * 売上伝票: the only code that writes sales_slips, their lines and per-rate totals, the number
 * sequence per 部門 and 得意先別単価. What a 確定 writes elsewhere — its 請求伝票 and stock rows —
 * goes through the slip repository (the owner of those tables); this one answers what to write
 * (invoiceOf, stockMovesOf). The service combines both inside `repos.transaction`.
 */
import { containsText } from '../db/contains-text';
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import type { SalesDetail, SalesListInput, SalesRow } from '../../../src-shared/sales/sales-slip';
import type { PriceMode, RateTotal } from '../../../src-shared/sales/slip-tax';
import type { SalesStatus } from '../../../src-shared/sales/slip-status';
import type { Db } from '../db/db-handle';
import * as schema from '../db/schema';
import type { AppInvoice, StockMove } from '../slips/slip-repository';

const { customerPrices, departments, partners, products, salesSlipLines, salesSlipNumbers, salesSlips, salesSlipTaxTotals, taxClasses, workflows } = schema;

/** A slip's header and computed figures as the service writes them. */
export interface SalesSlipValues {
  departmentId: number;
  customerId: number;
  warehouseId: number;
  date: string;
  priceMode: PriceMode;
  taxRounding: RoundingMode;
  memo: string;
  net: number;
  tax: number;
  total: number;
  lines: {
    productId: number;
    quantity: number;
    unitPrice: number;
    amount: number;
    netAmount: number;
    taxClassId: number;
    taxRate: number;
  }[];
  byRate: RateTotal[];
}

export interface SlipState {
  id: number;
  status: SalesStatus;
  seq: number | null;
  slipNo: string | null;
  departmentId: number;
  invoiceId: number | null;
}

export interface PartnerRef {
  id: number;
  code: string;
  name: string;
  kind: string;
  confirmed: boolean;
  taxDisplay: '税込' | '税抜' | null;
}

export interface ProductRef {
  id: number;
  code: string;
  skuCode: string | null;
  name: string;
  unitPrice: number;
  taxClassId: number | null;
  inventoryTracked: boolean;
  confirmed: boolean;
}

export interface TaxClassRef {
  id: number;
  rate: number;
  confirmed: boolean;
}

const ROW = {
  id: salesSlips.id,
  slipNo: salesSlips.slipNo,
  status: salesSlips.status,
  date: salesSlips.date,
  departmentName: departments.name,
  customerCode: partners.code,
  customerName: partners.name,
  warehouseName: sql<string>`(select w.name from partners w where w.id = ${salesSlips.warehouseId})`,
  priceMode: salesSlips.priceMode,
  net: salesSlips.net,
  tax: salesSlips.tax,
  total: salesSlips.total,
};

export function createSalesRepository(db: Db, now: () => string) {
  const { orm } = db;

  function listFilter(q: SalesListInput): SQL | undefined {
    const parts: (SQL | undefined)[] = [
      q.from ? gte(salesSlips.date, q.from) : undefined,
      q.to ? lte(salesSlips.date, q.to) : undefined,
      q.status ? eq(salesSlips.status, q.status) : undefined,
      q.customerId ? eq(salesSlips.customerId, q.customerId) : undefined,
      q.productId
        ? sql`exists (select 1 from ${salesSlipLines} l where l.slip_id = ${salesSlips.id} and l.product_id = ${q.productId})`
        : undefined,
    ];
    // folded like every list search (ほてる finds ホテル, ｅｃ finds EC)
    parts.push(containsText([salesSlips.slipNo, partners.code, partners.name, partners.kana], q.search?.trim()));
    const present = parts.filter((p): p is SQL => p !== undefined);
    return present.length > 0 ? and(...present) : undefined;
  }

  /** The slip's per-rate 税抜 / 消費税 / 税込, highest rate first (as the slip screen and its 請求伝票 show them). */
  function taxTotalsOf(slipId: number) {
    return orm
      .select({ rate: salesSlipTaxTotals.rate, net: salesSlipTaxTotals.net, tax: salesSlipTaxTotals.tax, gross: salesSlipTaxTotals.gross })
      .from(salesSlipTaxTotals)
      .where(eq(salesSlipTaxTotals.slipId, slipId))
      .orderBy(desc(salesSlipTaxTotals.rate))
      .all();
  }

  function writeLines(slipId: number, v: SalesSlipValues): void {
    orm.delete(salesSlipLines).where(eq(salesSlipLines.slipId, slipId)).run();
    orm.delete(salesSlipTaxTotals).where(eq(salesSlipTaxTotals.slipId, slipId)).run();
    if (v.lines.length > 0) orm.insert(salesSlipLines).values(v.lines.map((l, i) => ({ ...l, slipId, lineNo: i + 1 }))).run();
    if (v.byRate.length > 0) orm.insert(salesSlipTaxTotals).values(v.byRate.map((r) => ({ ...r, slipId }))).run();
  }

  const header = (v: SalesSlipValues) => ({
    departmentId: v.departmentId,
    customerId: v.customerId,
    warehouseId: v.warehouseId,
    date: v.date,
    priceMode: v.priceMode,
    taxRounding: v.taxRounding,
    memo: v.memo,
    net: v.net,
    tax: v.tax,
    total: v.total,
  });

  return {
    list(q: SalesListInput): { rows: SalesRow[]; total: number } {
      const where = listFilter(q);
      const join = eq(partners.id, salesSlips.customerId);
      const dept = eq(departments.id, salesSlips.departmentId);
      const total = orm.select({ n: count() }).from(salesSlips).innerJoin(partners, join).innerJoin(departments, dept).where(where).get()?.n ?? 0;
      const rows = orm
        .select(ROW)
        .from(salesSlips)
        .innerJoin(partners, join)
        .innerJoin(departments, dept)
        .where(where)
        .orderBy(desc(salesSlips.date), desc(salesSlips.id))
        .limit(q.limit ?? 1000)
        .offset(q.offset ?? 0)
        .all();
      return { rows, total };
    },

    find(id: number): SalesDetail | undefined {
      const head = orm
        .select({
          ...ROW,
          departmentId: salesSlips.departmentId,
          customerId: salesSlips.customerId,
          warehouseId: salesSlips.warehouseId,
          taxRounding: salesSlips.taxRounding,
          memo: salesSlips.memo,
          invoiceId: salesSlips.invoiceId,
          confirmedAt: salesSlips.confirmedAt,
        })
        .from(salesSlips)
        .innerJoin(partners, eq(partners.id, salesSlips.customerId))
        .innerJoin(departments, eq(departments.id, salesSlips.departmentId))
        .where(eq(salesSlips.id, id))
        .get();
      if (!head) return undefined;
      const lines = orm
        .select({
          lineNo: salesSlipLines.lineNo,
          productId: salesSlipLines.productId,
          productCode: products.code,
          productName: products.name,
          quantity: salesSlipLines.quantity,
          unitPrice: salesSlipLines.unitPrice,
          amount: salesSlipLines.amount,
          netAmount: salesSlipLines.netAmount,
          taxClassId: salesSlipLines.taxClassId,
          taxClassName: taxClasses.name,
          taxRate: salesSlipLines.taxRate,
        })
        .from(salesSlipLines)
        .innerJoin(products, eq(products.id, salesSlipLines.productId))
        .innerJoin(taxClasses, eq(taxClasses.id, salesSlipLines.taxClassId))
        .where(eq(salesSlipLines.slipId, id))
        .orderBy(asc(salesSlipLines.lineNo))
        .all();
      const byRate = taxTotalsOf(id);
      return { ...head, lines, byRate };
    },

    state(id: number): SlipState | undefined {
      return orm
        .select({
          id: salesSlips.id,
          status: salesSlips.status,
          seq: salesSlips.seq,
          slipNo: salesSlips.slipNo,
          departmentId: salesSlips.departmentId,
          invoiceId: salesSlips.invoiceId,
        })
        .from(salesSlips)
        .where(eq(salesSlips.id, id))
        .get();
    },

    insertDraft(v: SalesSlipValues): number {
      const t = now();
      const row = orm
        .insert(salesSlips)
        .values({ ...header(v), status: 'draft', createdAt: t, updatedAt: t })
        .returning({ id: salesSlips.id })
        .get();
      writeLines(row.id, v);
      return row.id;
    },

    /** Rewrites a draft or cancelled slip; its status and number stay. */
    update(id: number, v: SalesSlipValues): void {
      orm.update(salesSlips).set({ ...header(v), updatedAt: now() }).where(eq(salesSlips.id, id)).run();
      writeLines(id, v);
    },

    deleteDraft(id: number): void {
      orm.delete(salesSlips).where(and(eq(salesSlips.id, id), eq(salesSlips.status, 'draft'))).run();
    },

    /** Advances the 部門's sequence by one and returns the new number (inside the 確定's transaction). */
    takeNextSeq(departmentId: number): number {
      const row = orm
        .insert(salesSlipNumbers)
        .values({ departmentId, lastSeq: 1 })
        .onConflictDoUpdate({ target: salesSlipNumbers.departmentId, set: { lastSeq: sql`${salesSlipNumbers.lastSeq} + 1` } })
        .returning({ lastSeq: salesSlipNumbers.lastSeq })
        .get();
      return row.lastSeq;
    },

    lastSeq(departmentId: number): number {
      return orm.select({ n: salesSlipNumbers.lastSeq }).from(salesSlipNumbers).where(eq(salesSlipNumbers.departmentId, departmentId)).get()?.n ?? 0;
    },

    markConfirmed(id: number, seq: number, slipNo: string, invoiceId: number): void {
      const t = now();
      orm.update(salesSlips).set({ status: 'confirmed', seq, slipNo, invoiceId, confirmedAt: t, updatedAt: t }).where(eq(salesSlips.id, id)).run();
    },

    markCancelled(id: number): void {
      orm.update(salesSlips).set({ status: 'cancelled', invoiceId: null, updatedAt: now() }).where(eq(salesSlips.id, id)).run();
    },

    /** The 請求伝票 a confirmed slip makes: its lines as entered and its per-rate tax (the app's own). */
    invoiceOf(slipId: number, workflowId: number | null): AppInvoice {
      const slip = orm.select().from(salesSlips).where(eq(salesSlips.id, slipId)).get();
      if (!slip) throw new Error(`sales slip ${slipId} vanished inside its transaction`);
      const lines = orm
        .select({
          productId: salesSlipLines.productId,
          quantity: salesSlipLines.quantity,
          unitPrice: salesSlipLines.unitPrice,
          amount: salesSlipLines.amount,
          taxClassId: salesSlipLines.taxClassId,
          taxRate: salesSlipLines.taxRate,
        })
        .from(salesSlipLines)
        .where(eq(salesSlipLines.slipId, slipId))
        .orderBy(asc(salesSlipLines.lineNo))
        .all();
      const byRate = taxTotalsOf(slipId);
      return {
        departmentId: slip.departmentId,
        customerId: slip.customerId,
        date: slip.date,
        workflowId,
        total: slip.total,
        taxIncluded: slip.priceMode === '税込',
        lines,
        byRate,
      };
    },

    /** Stock-out (stock-in for 返品 lines) of the slip's 棚卸対象 products at its warehouse, per product. */
    stockMovesOf(slipId: number): StockMove[] {
      const slip = orm.select({ warehouseId: salesSlips.warehouseId, date: salesSlips.date }).from(salesSlips).where(eq(salesSlips.id, slipId)).get();
      if (!slip) throw new Error(`sales slip ${slipId} vanished inside its transaction`);
      return orm
        .select({ productId: salesSlipLines.productId, quantity: sql<number>`sum(${salesSlipLines.quantity})` })
        .from(salesSlipLines)
        .innerJoin(products, eq(products.id, salesSlipLines.productId))
        .where(and(eq(salesSlipLines.slipId, slipId), eq(products.inventoryTracked, true)))
        .groupBy(salesSlipLines.productId)
        .all()
        .filter((m) => m.quantity !== 0)
        .map((m) => ({ warehouseId: slip.warehouseId, productId: m.productId, quantity: -m.quantity, date: slip.date }));
    },

    // ---- masters as a 売上伝票 needs them (read only) ----

    partner(id: number): PartnerRef | undefined {
      return orm
        .select({ id: partners.id, code: partners.code, name: partners.name, kind: partners.kind, confirmed: partners.confirmed, taxDisplay: partners.taxDisplay })
        .from(partners)
        .where(eq(partners.id, id))
        .get();
    },

    /** Slips carrying this 伝票番号 (a 取消 slip keeps its number, so more than one is possible in principle). */
    idsBySlipNo(slipNo: string): number[] {
      return orm.select({ id: salesSlips.id }).from(salesSlips).where(eq(salesSlips.slipNo, slipNo)).orderBy(asc(salesSlips.id)).all().map((r) => r.id);
    },

    partnerByCode(code: string): PartnerRef | undefined {
      return orm
        .select({ id: partners.id, code: partners.code, name: partners.name, kind: partners.kind, confirmed: partners.confirmed, taxDisplay: partners.taxDisplay })
        .from(partners)
        .where(eq(partners.code, code))
        .get();
    },

    department(id: number): { id: number; code: string; confirmed: boolean } | undefined {
      return orm.select({ id: departments.id, code: departments.code, confirmed: departments.confirmed }).from(departments).where(eq(departments.id, id)).get();
    },

    /** The first confirmed 部門 (by id): a slip entered without one (CLI) belongs there. */
    defaultDepartment(): { id: number; code: string; confirmed: boolean } | undefined {
      return orm
        .select({ id: departments.id, code: departments.code, confirmed: departments.confirmed })
        .from(departments)
        .where(eq(departments.confirmed, true))
        .orderBy(asc(departments.id))
        .limit(1)
        .get();
    },

    departmentByCode(code: string): { id: number; code: string; confirmed: boolean } | undefined {
      return orm.select({ id: departments.id, code: departments.code, confirmed: departments.confirmed }).from(departments).where(eq(departments.code, code)).get();
    },

    taxClassByCode(code: string): { id: number } | undefined {
      return orm.select({ id: taxClasses.id }).from(taxClasses).where(eq(taxClasses.code, code)).get();
    },

    invoiceWorkflowId(): number | null {
      return orm.select({ id: workflows.id }).from(workflows).where(and(eq(workflows.kind, '請求'), eq(workflows.confirmed, true))).orderBy(asc(workflows.id)).limit(1).get()?.id ?? null;
    },

    products(ids: number[]): Map<number, ProductRef> {
      if (ids.length === 0) return new Map();
      const rows = orm
        .select({
          id: products.id,
          code: products.code,
          skuCode: products.skuCode,
          name: products.name,
          unitPrice: products.unitPrice,
          taxClassId: products.taxClassId,
          inventoryTracked: products.inventoryTracked,
          confirmed: products.confirmed,
        })
        .from(products)
        .where(inArray(products.id, ids))
        .all();
      return new Map(rows.map((r) => [r.id, r]));
    },

    /** A product by SKU code, else by product code without variations (CLI lines). */
    productByCode(code: string): { id: number } | undefined {
      return (
        orm.select({ id: products.id }).from(products).where(eq(products.skuCode, code)).get() ??
        orm
          .select({ id: products.id })
          .from(products)
          .where(and(eq(products.code, code), eq(products.variationH, ''), eq(products.variationV, '')))
          .get()
      );
    },

    /** The 税区分 among ids whose kind is 軽減 (a 納品書 marks their lines with ※). */
    reducedTaxClasses(ids: readonly number[]): Set<number> {
      if (ids.length === 0) return new Set();
      const rows = orm
        .select({ id: taxClasses.id })
        .from(taxClasses)
        .where(and(inArray(taxClasses.id, [...new Set(ids)]), eq(taxClasses.kind, '軽減')))
        .all();
      return new Set(rows.map((r) => r.id));
    },

    taxClasses(ids: number[]): Map<number, TaxClassRef> {
      if (ids.length === 0) return new Map();
      const rows = orm.select({ id: taxClasses.id, rate: taxClasses.rate, confirmed: taxClasses.confirmed }).from(taxClasses).where(inArray(taxClasses.id, ids)).all();
      return new Map(rows.map((r) => [r.id, r]));
    },

    customerPrices(customerId: number, productIds?: number[]): { productId: number; productCode: string; productName: string; unitPrice: number }[] {
      const where = productIds ? and(eq(customerPrices.customerId, customerId), inArray(customerPrices.productId, productIds)) : eq(customerPrices.customerId, customerId);
      return orm
        .select({ productId: customerPrices.productId, productCode: products.code, productName: products.name, unitPrice: customerPrices.unitPrice })
        .from(customerPrices)
        .innerJoin(products, eq(products.id, customerPrices.productId))
        .where(where)
        .orderBy(asc(products.code))
        .all();
    },

    /** Replaces a customer's 得意先別単価 with the given list. */
    replaceCustomerPrices(customerId: number, prices: { productId: number; unitPrice: number }[]): void {
      const t = now();
      orm.delete(customerPrices).where(eq(customerPrices.customerId, customerId)).run();
      if (prices.length > 0) orm.insert(customerPrices).values(prices.map((p) => ({ customerId, ...p, createdAt: t, updatedAt: t }))).run();
    },

    /** Counts for the dashboard: drafts waiting for 確定. */
    countByStatus(): Record<SalesStatus, number> {
      const rows = orm.select({ status: salesSlips.status, n: count() }).from(salesSlips).groupBy(salesSlips.status).all();
      const out: Record<SalesStatus, number> = { draft: 0, confirmed: 0, cancelled: 0 };
      for (const r of rows) out[r.status] = r.n;
      return out;
    },

  };
}

export type SalesRepository = ReturnType<typeof createSalesRepository>;
