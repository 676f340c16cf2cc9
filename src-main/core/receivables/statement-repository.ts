/**
 * 請求書 (statements): the only writer of statements / statement_invoices / statement_tax_rows and of
 * payments.statement_id (which 入金伝票 a statement's 今回入金額 includes). Reads what a closing
 * needs: the customer's last closing, the invoices and receipts not billed yet.
 */
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { RateFigures as StatementSale } from './rules/statement-figures';
import { allocations, invoiceLines, invoices, invoiceTaxTotals, partners, payments, products, statementInvoices, statements, statementTaxRows, taxClasses } from '../db/schema';
import type { Db } from '../db/db-handle';
import type { LastClosing } from './rules/closing-calendar';
import type { StatementFigures } from './rules/statement-figures';

/** A line of a billed invoice as the 請求書 PDF prints it. */
export interface InvoiceLineData {
  invoiceId: number;
  kind: string;
  productName: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  taxRate: number;
  reduced: boolean;
  taxIncluded: boolean;
}

/** An invoice not billed yet, with its own per-rate figures. */
export interface UnbilledInvoice {
  id: number;
  name: string;
  date: string;
  total: number;
  byRate: StatementSale[];
}

/** Everything one new statement writes. */
export interface StatementWrite {
  customerId: number;
  kind: '締' | '個別';
  closingDate: string;
  periodFrom: string;
  closingDay: number | null;
  figures: StatementFigures;
  dueDate: string;
  taxUnit: '伝票単位' | '請求単位';
  taxRounding: '切り捨て' | '切り上げ' | '四捨五入';
  invoices: { id: number; late: boolean }[];
  paymentIds: number[];
}

/** The name an invoice is known by: its 受注番号, or the app's slip number. */
export const invoiceName = sql<string>`coalesce(${invoices.bcartOrderCode}, '#' || ${invoices.id})`;

export function createStatementRepository({ orm }: Db) {
  function lastClosing(customerId: number): (LastClosing & { id: number }) | null {
    const r = orm
      .select({ id: statements.id, closingDate: statements.closingDate, closingDay: statements.closingDay })
      .from(statements)
      .where(and(eq(statements.customerId, customerId), eq(statements.kind, '締')))
      .orderBy(desc(statements.closingDate), desc(statements.id))
      .limit(1)
      .get();
    return r ? { id: r.id, closingDate: r.closingDate, closingDay: r.closingDay ?? 31 } : null;
  }

  function unbilledInvoices(customerId: number, upTo: string): UnbilledInvoice[] {
    const rows = orm
      .select({ id: invoices.id, name: invoiceName, date: invoices.date, total: invoices.total })
      .from(invoices)
      .leftJoin(statementInvoices, eq(statementInvoices.invoiceId, invoices.id))
      .where(and(eq(invoices.customerId, customerId), eq(invoices.confirmed, true), lte(invoices.date, upTo), isNull(statementInvoices.invoiceId)))
      .orderBy(asc(invoices.date), asc(invoices.id))
      .all();
    return withRates(rows);
  }

  function withRates<T extends { id: number }>(rows: T[]): (T & { byRate: StatementSale[] })[] {
    if (rows.length === 0) return [];
    const rates = new Map<number, StatementSale[]>();
    // chunks keep the IN list under SQLite's variable limit
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      for (const t of orm
        .select({ invoiceId: invoiceTaxTotals.invoiceId, rate: invoiceTaxTotals.rate, net: invoiceTaxTotals.net, tax: invoiceTaxTotals.tax })
        .from(invoiceTaxTotals)
        .where(inArray(invoiceTaxTotals.invoiceId, ids))
        .orderBy(desc(invoiceTaxTotals.rate))
        .all()) {
        const list = rates.get(t.invoiceId) ?? [];
        list.push({ rate: t.rate, net: t.net, tax: t.tax });
        rates.set(t.invoiceId, list);
      }
    }
    return rows.map((r) => ({ ...r, byRate: rates.get(r.id) ?? [] }));
  }

  function unbilledPayments(customerId: number, upTo: string): { id: number; total: number }[] {
    return orm
      .select({ id: payments.id, total: payments.total })
      .from(payments)
      .where(and(eq(payments.customerId, customerId), eq(payments.confirmed, true), isNull(payments.statementId), lte(payments.date, upTo)))
      .orderBy(asc(payments.date), asc(payments.id))
      .all();
  }

  /** Writes one statement with its invoices, tax rows and the receipts it includes (call inside a transaction). */
  function insert(w: StatementWrite, now: string): number {
    const f = w.figures;
    const { id } = orm
      .insert(statements)
      .values({
        customerId: w.customerId,
        kind: w.kind,
        closingDate: w.closingDate,
        periodFrom: w.periodFrom,
        closingDay: w.closingDay,
        previous: f.previous,
        received: f.received,
        carriedOver: f.carriedOver,
        salesNet: f.salesNet,
        salesTax: f.salesTax,
        salesTotal: f.salesTotal,
        taxAdjustment: f.taxAdjustment,
        total: f.total,
        dueDate: w.dueDate,
        taxUnit: w.taxUnit,
        taxRounding: w.taxRounding,
        needsReview: w.invoices.some((i) => i.late),
        createdAt: now,
      })
      .returning({ id: statements.id })
      .get();
    for (const inv of w.invoices) orm.insert(statementInvoices).values({ statementId: id, invoiceId: inv.id, late: inv.late }).run();
    for (const s of f.sales) orm.insert(statementTaxRows).values({ statementId: id, rate: s.rate, net: s.net, tax: s.tax, invoiceTax: s.invoiceTax }).run();
    for (let i = 0; i < w.paymentIds.length; i += 500) {
      orm.update(payments).set({ statementId: id, updatedAt: now }).where(inArray(payments.id, w.paymentIds.slice(i, i + 500))).run();
    }
    return id;
  }

  /** 締め取消: the statement, its 消費税調整's 消込, and the link of its receipts (call inside a transaction). */
  function remove(id: number, now: string): void {
    orm.delete(allocations).where(and(eq(allocations.debitKind, 'adjustment'), eq(allocations.debitId, id))).run();
    orm.delete(allocations).where(and(eq(allocations.creditKind, 'adjustment'), eq(allocations.creditId, id))).run();
    orm.update(payments).set({ statementId: null, updatedAt: now }).where(eq(payments.statementId, id)).run();
    orm.delete(statements).where(eq(statements.id, id)).run();
  }

  function find(id: number) {
    return orm
      .select({ s: statements, customer: partners.code, customerName: partners.name })
      .from(statements)
      .innerJoin(partners, eq(partners.id, statements.customerId))
      .where(eq(statements.id, id))
      .get();
  }

  function list(filter: { from?: string | undefined; to?: string | undefined; customer?: string | undefined; closingDate?: string; limit?: number | undefined }) {
    const where = and(
      filter.from ? sql`${statements.closingDate} >= ${filter.from}` : undefined,
      filter.to ? sql`${statements.closingDate} <= ${filter.to}` : undefined,
      filter.closingDate ? eq(statements.closingDate, filter.closingDate) : undefined,
      filter.customer ? eq(partners.code, filter.customer) : undefined,
    );
    return orm
      .select({ s: statements, customer: partners.code, customerName: partners.name })
      .from(statements)
      .innerJoin(partners, eq(partners.id, statements.customerId))
      .where(where)
      .orderBy(desc(statements.closingDate), asc(partners.code), desc(statements.id))
      .limit(filter.limit ?? 1000)
      .all();
  }

  function taxRows(id: number) {
    return orm
      .select({ rate: statementTaxRows.rate, net: statementTaxRows.net, tax: statementTaxRows.tax, invoiceTax: statementTaxRows.invoiceTax })
      .from(statementTaxRows)
      .where(eq(statementTaxRows.statementId, id))
      .orderBy(desc(statementTaxRows.rate))
      .all();
  }

  function billedInvoices(id: number) {
    const rows = orm
      .select({ id: invoices.id, name: invoiceName, date: invoices.date, total: invoices.total, late: statementInvoices.late })
      .from(statementInvoices)
      .innerJoin(invoices, eq(invoices.id, statementInvoices.invoiceId))
      .where(eq(statementInvoices.statementId, id))
      .orderBy(asc(invoices.date), asc(invoices.id))
      .all();
    return withRates(rows);
  }

  function includedPayments(id: number) {
    return orm
      .select({
        id: payments.id,
        date: payments.date,
        total: payments.total,
        kinds: sql<string>`coalesce((select group_concat(l.kind, '・') from payment_lines l where l.payment_id = ${payments.id}), '')`,
      })
      .from(payments)
      .where(eq(payments.statementId, id))
      .orderBy(asc(payments.date), asc(payments.id))
      .all();
  }

  /** Due date of the statement that billed each invoice (invoice id → due date). */
  function billedDueDates(customerId?: number): Map<number, string> {
    const rows = orm
      .select({ invoiceId: statementInvoices.invoiceId, dueDate: statements.dueDate })
      .from(statementInvoices)
      .innerJoin(statements, eq(statements.id, statementInvoices.statementId))
      .where(customerId === undefined ? undefined : eq(statements.customerId, customerId))
      .all();
    return new Map(rows.map((r) => [r.invoiceId, r.dueDate]));
  }

  /** Every statement's customer, due date and closing date (for 期首残高 and 消費税調整 due dates). */
  function dueDates(customerId?: number) {
    return orm
      .select({ id: statements.id, customerId: statements.customerId, closingDate: statements.closingDate, dueDate: statements.dueDate, kind: statements.kind })
      .from(statements)
      .where(customerId === undefined ? undefined : eq(statements.customerId, customerId))
      .orderBy(asc(statements.closingDate), asc(statements.id))
      .all();
  }

  /** Latest 締 closing date per customer (customer id → date), for the closed-period rule. */
  function closedThroughAll(): Map<number, LastClosing> {
    const rows = orm
      .select({ customerId: statements.customerId, closingDate: statements.closingDate, closingDay: statements.closingDay, id: statements.id })
      .from(statements)
      .where(eq(statements.kind, '締'))
      .orderBy(asc(statements.closingDate), asc(statements.id))
      .all();
    const out = new Map<number, LastClosing>();
    for (const r of rows) out.set(r.customerId, { closingDate: r.closingDate, closingDay: r.closingDay ?? 31 });
    return out;
  }

  /** The lines of the billed invoices (for the 請求書 PDF), in invoice then line order. */
  function linesOf(invoiceIds: readonly number[]) {
    const out: (InvoiceLineData & { lineNo: number })[] = [];
    for (let i = 0; i < invoiceIds.length; i += 500) {
      out.push(
        ...orm
          .select({
            invoiceId: invoiceLines.invoiceId,
            lineNo: invoiceLines.lineNo,
            kind: invoiceLines.kind,
            productName: products.name,
            quantity: invoiceLines.quantity,
            unitPrice: invoiceLines.unitPrice,
            amount: invoiceLines.amount,
            taxRate: invoiceLines.taxRate,
            reduced: sql<boolean>`${taxClasses.kind} = '軽減'`.mapWith(Boolean),
            taxIncluded: invoiceLines.taxIncluded,
          })
          .from(invoiceLines)
          .innerJoin(products, eq(products.id, invoiceLines.productId))
          .innerJoin(taxClasses, eq(taxClasses.id, invoiceLines.taxClassId))
          .where(inArray(invoiceLines.invoiceId, invoiceIds.slice(i, i + 500)))
          .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.lineNo))
          .all(),
      );
    }
    return out;
  }

  /** The invoice of a customer known by this name (受注番号, or "#id"); undefined when none. */
  function invoiceByName(customerId: number, name: string): { id: number; name: string } | undefined {
    const hash = /^#(\d+)$/.exec(name.trim());
    // SETTINGID:受注番号 where two shops' order codes collide (docs/import-rules.md#review-list)
    const scoped = /^(\d+):(.+)$/.exec(name.trim());
    const byName = scoped ? and(eq(invoices.ecSettingId, Number(scoped[1])), eq(invoices.bcartOrderCode, scoped[2]!.trim())) : eq(invoices.bcartOrderCode, name.trim());
    return orm
      .select({ id: invoices.id, name: invoiceName })
      .from(invoices)
      .where(and(eq(invoices.customerId, customerId), hash ? eq(invoices.id, Number(hash[1])) : byName))
      .orderBy(asc(invoices.id))
      .get();
  }

  function countFor(customerId: number): number {
    return orm.select({ n: sql<number>`count(*)` }).from(statements).where(eq(statements.customerId, customerId)).get()?.n ?? 0;
  }

  return { lastClosing, unbilledInvoices, unbilledPayments, insert, remove, find, list, taxRows, billedInvoices, includedPayments, billedDueDates, dueDates, closedThroughAll, linesOf, invoiceByName, countFor };
}
export type StatementRepository = ReturnType<typeof createStatementRepository>;
