/**
 * 出荷伝票 (shipments + lines, with their stock_ledger entries) and 請求伝票 (invoices + lines +
 * per-rate tax totals): the lists and details the screens show, and the bulk insert of an import
 * plan. The only code that writes these tables.
 */
import { and, count, desc, eq, gte, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../../src-shared/errors';
import type { InvoiceDetailView, InvoiceRowView, ShipmentDetailView, ShipmentRowView } from '../../../src-shared/slips/slips';
import { containsText } from '../db/contains-text';
import { inIds } from '../db/in-ids';
import type { Db } from '../db/db-handle';
import { departments, invoiceLines, invoices, invoiceTaxTotals, partners, products, shipmentLines, shipments, stockLedger, taxClasses, workflows } from '../db/schema';
import type { BookedShipment, InvoiceDraft, ShipmentDraft } from '../import/mapping';
import type { Money } from '../import/mapping/money-basis';

/** A 請求伝票 made by the app (a 売上伝票's 確定): lines as entered, the app's tax per rate. */
export interface AppInvoice {
  departmentId: number;
  customerId: number;
  date: string;
  workflowId: number | null;
  total: number;
  /** prices of the lines include tax (a 税込 売上伝票) */
  taxIncluded: boolean;
  lines: { productId: number; quantity: number; unitPrice: number; amount: number; taxClassId: number; taxRate: number }[];
  byRate: { rate: number; net: number; tax: number; gross: number }[];
}

/** Stock movements of one source document (source_type + source_id). */
export interface StockMove {
  warehouseId: number;
  productId: number;
  /** signed, in units; never 0 */
  quantity: number;
  date: string;
}

export interface SlipQuery {
  from?: string;
  to?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

/** The slips of an import plan, as the mapping drafted them. */
export interface ImportedSlips {
  shipments: readonly ShipmentDraft[];
  invoices: readonly InvoiceDraft[];
}

/** date range and the search box (受注番号, 得意先コード / 名 / フリガナ, 購入者) of a slip list */
function slipFilter(date: SQLiteColumn, orderCode: SQLiteColumn, buyer: SQLiteColumn[], q: SlipQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    q.from ? gte(date, q.from) : undefined,
    q.to ? lte(date, q.to) : undefined,
    containsText([orderCode, partners.code, partners.name, partners.kana, ...buyer], q.search),
  ];
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length > 0 ? and(...present) : undefined;
}

const SHIPMENT_ROW = {
  id: shipments.id,
  date: shipments.date,
  customerCode: partners.code,
  customerName: partners.name,
  amount: shipments.amount,
  netAmount: shipments.netAmount,
  taxAmount: shipments.taxAmount,
  grossAmount: shipments.grossAmount,
  confirmed: shipments.confirmed,
  bcartOrderId: shipments.bcartOrderId,
  bcartOrderCode: shipments.bcartOrderCode,
  bcartLogisticsId: shipments.bcartLogisticsId,
  buyerMemberId: shipments.bcartMemberId,
  buyerExtId: shipments.bcartMemberExtId,
  buyerCompany: shipments.bcartMemberCompany,
  importRunId: shipments.importRunId,
};

const INVOICE_ROW = {
  id: invoices.id,
  date: invoices.date,
  customerCode: partners.code,
  customerName: partners.name,
  total: invoices.total,
  netAmount: invoices.netAmount,
  taxAmount: invoices.taxAmount,
  grossAmount: invoices.grossAmount,
  confirmed: invoices.confirmed,
  bcartOrderId: invoices.bcartOrderId,
  bcartOrderCode: invoices.bcartOrderCode,
  buyerMemberId: invoices.bcartMemberId,
  buyerExtId: invoices.bcartMemberExtId,
  buyerCompany: invoices.bcartMemberCompany,
  importRunId: invoices.importRunId,
};


/**
 * The insert of an imported slip head: the columns 出荷伝票 and 請求伝票 share (確定 on import),
 * bound by position in this order, then the table's own columns.
 */
function headInsertSql(table: 'shipments' | 'invoices', own: readonly string[]): string {
  const columns = [
    'ec_setting_id',
    'department_id',
    'customer_id',
    'date',
    'workflow_id',
    'net_amount',
    'tax_amount',
    'gross_amount',
    'bcart_order_id',
    'bcart_order_code',
    'bcart_member_id',
    'bcart_member_ext_id',
    'bcart_member_company',
    'import_run_id',
    'created_at',
    'updated_at',
    ...own,
  ];
  return `insert into ${table} (confirmed, ${columns.join(', ')}) values (1, ${columns.map(() => '?').join(', ')})`;
}

export function createSlipRepository(db: Db) {
  const { orm, sqlite } = db;

  /** A page of 出荷伝票 or 請求伝票 with their 得意先, newest first, and the count of the filter. */
  function listSlips<T>(table: typeof shipments | typeof invoices, columns: typeof SHIPMENT_ROW | typeof INVOICE_ROW, q: SlipQuery): { rows: T[]; total: number } {
    const where = slipFilter(table.date, table.bcartOrderCode, [table.bcartMemberExtId, table.bcartMemberCompany], q);
    const customer = eq(partners.id, table.customerId);
    const total = orm.select({ n: count() }).from(table).innerJoin(partners, customer).where(where).get()?.n ?? 0;
    const rows = orm
      .select(columns)
      .from(table)
      .innerJoin(partners, customer)
      .where(where)
      .orderBy(desc(table.date), desc(table.id))
      .limit(q.limit ?? 1000)
      .offset(q.offset ?? 0)
      .all() as T[];
    return { rows, total };
  }

  /** One slip by id with the given columns and the names of its 得意先, 部門 and ワークフロー. */
  function slipHead(table: typeof shipments | typeof invoices, columns: Record<string, SQLiteColumn | SQL>) {
    return {
      get: (id: number) =>
        orm
          .select({ ...columns, departmentName: departments.name, workflowName: workflows.name })
          .from(table)
          .innerJoin(partners, eq(partners.id, table.customerId))
          .innerJoin(departments, eq(departments.id, table.departmentId))
          .leftJoin(workflows, eq(workflows.id, table.workflowId))
          .where(eq(table.id, id))
          .get(),
    };
  }

  /** The lines of one slip with product and 税区分 names, by line number. */
  function slipLines<E extends Record<string, SQLiteColumn>>(l: typeof shipmentLines | typeof invoiceLines, extra: E, ofSlip: SQL) {
    return orm
      .select({
        lineNo: l.lineNo,
        productCode: products.code,
        productName: products.name,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: l.amount,
        taxRate: l.taxRate,
        taxClassName: sql<string>`coalesce(${taxClasses.name}, '')`,
        taxIncluded: l.taxIncluded,
        netAmount: l.netAmount,
        taxAmount: l.taxAmount,
        grossAmount: l.grossAmount,
        ...extra,
      })
      .from(l)
      .innerJoin(products, eq(products.id, l.productId))
      .leftJoin(taxClasses, eq(taxClasses.id, l.taxClassId))
      .where(ofSlip)
      .orderBy(l.lineNo)
      .all();
  }

  return {
    /** 出荷伝票, newest first. */
    listShipments: (q: SlipQuery): { rows: ShipmentRowView[]; total: number } => listSlips(shipments, SHIPMENT_ROW, q),
    /** 請求伝票, newest first. */
    listInvoices: (q: SlipQuery): { rows: InvoiceRowView[]; total: number } => listSlips(invoices, INVOICE_ROW, q),

    /** One 出荷伝票 with its lines; NOT_FOUND when absent. */
    getShipment(id: number): ShipmentDetailView {
      const head = slipHead(shipments, {
        ...SHIPMENT_ROW,
        // the 連携倉庫 is a second role of partners (the first is the 得意先 joined in slipHead)
        warehouseName: sql<string>`(select ${partners.name} from ${partners} where ${partners.id} = ${shipments.warehouseId})`,
        invoiceId: sql<number | null>`(select ${invoices.id} from ${invoices} where ${invoices.bcartOrderId} = ${shipments.bcartOrderId} and ${invoices.ecSettingId} is ${shipments.ecSettingId})`,
      }).get(id) as Omit<ShipmentDetailView, 'lines'> | undefined;
      if (!head) throw new AppError('NOT_FOUND', `出荷伝票 (ID ${id}) が見つかりません。一覧を更新してください。`);
      const lines = slipLines(shipmentLines, { bcartOrderProductId: shipmentLines.bcartOrderProductId }, eq(shipmentLines.shipmentId, id));
      return { ...head, lines };
    },

    /** One 請求伝票 with lines, per-rate totals and its 出荷伝票; NOT_FOUND when absent. */
    getInvoice(id: number): InvoiceDetailView {
      const head = slipHead(invoices, { ...INVOICE_ROW, ecSettingId: invoices.ecSettingId }).get(id) as
        | (Omit<InvoiceDetailView, 'lines' | 'taxTotals' | 'shipments'> & { ecSettingId: number | null })
        | undefined;
      if (!head) throw new AppError('NOT_FOUND', `請求伝票 (ID ${id}) が見つかりません。一覧を更新してください。`);
      const lines = slipLines(invoiceLines, { kind: invoiceLines.kind }, eq(invoiceLines.invoiceId, id));
      const taxTotals = orm
        .select({ rate: invoiceTaxTotals.rate, net: invoiceTaxTotals.net, tax: invoiceTaxTotals.tax, gross: invoiceTaxTotals.gross, appTax: invoiceTaxTotals.appTax })
        .from(invoiceTaxTotals)
        .where(eq(invoiceTaxTotals.invoiceId, id))
        .orderBy(desc(invoiceTaxTotals.rate))
        .all();
      const slips =
        head.bcartOrderId === null
          ? []
          : orm
              .select({ id: shipments.id, date: shipments.date, amount: shipments.amount, bcartLogisticsId: shipments.bcartLogisticsId })
              .from(shipments)
              .where(and(eq(shipments.bcartOrderId, head.bcartOrderId), head.ecSettingId === null ? isNull(shipments.ecSettingId) : eq(shipments.ecSettingId, head.ecSettingId)))
              .orderBy(shipments.id)
              .all();
      const { ecSettingId: _setting, ...view } = head;
      return { ...view, lines, taxTotals, shipments: slips };
    },

    /** BCart logistics ids of one setting among `ids` that already became 出荷伝票 (all of them when ids is null). */
    importedLogisticsIds(settingId: number, ids: readonly number[] | null): number[] {
      const col = shipments.bcartLogisticsId;
      return orm
        .select({ v: col })
        .from(shipments)
        .where(and(eq(shipments.ecSettingId, settingId), ids ? inIds(col, ids) : isNotNull(col)))
        .all()
        .map((r) => r.v!);
    },

    /** BCart order ids of one setting among `ids` that already have a 請求伝票 (all of them when ids is null). */
    invoicedOrderIds(settingId: number, ids: readonly number[] | null): number[] {
      const col = invoices.bcartOrderId;
      return orm
        .select({ v: col })
        .from(invoices)
        .where(and(eq(invoices.ecSettingId, settingId), ids ? inIds(col, ids) : isNotNull(col)))
        .all()
        .map((r) => r.v!);
    },

    /** The booked 出荷伝票 of one BCart order of a setting, with their lines (the shipped part of a cancelled order). */
    bookedShipments(settingId: number, orderId: number): BookedShipment[] {
      const heads = orm
        .select({
          id: shipments.id,
          date: shipments.date,
          departmentId: shipments.departmentId,
          customerId: shipments.customerId,
          customerCode: partners.code,
          bcartLogisticsId: shipments.bcartLogisticsId,
          memberId: shipments.bcartMemberId,
          extId: shipments.bcartMemberExtId,
          company: shipments.bcartMemberCompany,
        })
        .from(shipments)
        .innerJoin(partners, eq(partners.id, shipments.customerId))
        .where(and(eq(shipments.ecSettingId, settingId), eq(shipments.bcartOrderId, orderId), eq(shipments.confirmed, true)))
        .orderBy(shipments.id)
        .all();
      return heads.map(({ id, memberId, extId, company, ...h }) => ({
        ...h,
        buyer: { memberId, extId: extId ?? '', company: company ?? '' },
        lines: orm
          .select({
            productId: shipmentLines.productId,
            productCode: products.code,
            quantity: shipmentLines.quantity,
            unitPrice: shipmentLines.unitPrice,
            amount: shipmentLines.amount,
            taxClassId: shipmentLines.taxClassId,
            taxRate: shipmentLines.taxRate,
            taxIncluded: shipmentLines.taxIncluded,
            bcartOrderProductId: shipmentLines.bcartOrderProductId,
          })
          .from(shipmentLines)
          .innerJoin(products, eq(products.id, shipmentLines.productId))
          .where(eq(shipmentLines.shipmentId, id))
          .orderBy(shipmentLines.lineNo)
          .all(),
      }));
    },

    /** The 請求伝票 id of one BCart order of a setting, or null. */
    invoiceIdOfOrder: (settingId: number, orderId: number): number | null =>
      orm
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.ecSettingId, settingId), eq(invoices.bcartOrderId, orderId)))
        .get()?.id ?? null,

    /**
     * Slips written before the money-basis columns existed (net_amount null), with what their
     * figures are computed from: the lines as priced, an invoice's per-rate totals, a 出荷伝票's
     * setting rounding. At most `limit` of each kind.
     */
    slipsWithoutMoney(limit: number) {
      const lines = (table: 'shipment_lines' | 'invoice_lines', key: 'shipment_id' | 'invoice_id', id: number) =>
        sqlite.prepare(`select id, amount, tax_rate as taxRate, tax_included as taxIncluded from ${table} where ${key} = ? order by line_no`).all(id) as {
          id: number;
          amount: number;
          taxRate: number;
          taxIncluded: number;
        }[];
      const shipmentRows = sqlite
        .prepare(`select s.id, coalesce(e.tax_rounding, 'floor') as rounding from shipments s left join ec_settings e on e.id = s.ec_setting_id where s.net_amount is null order by s.id limit ?`)
        .all(limit) as { id: number; rounding: 'floor' | 'ceil' | 'round' }[];
      const invoiceRows = sqlite.prepare('select id from invoices where net_amount is null order by id limit ?').pluck().all(limit) as number[];
      return {
        shipments: shipmentRows.map((r) => ({ ...r, lines: lines('shipment_lines', 'shipment_id', r.id).map((l) => ({ ...l, taxIncluded: l.taxIncluded === 1 })) })),
        invoices: invoiceRows.map((id) => ({
          id,
          lines: lines('invoice_lines', 'invoice_id', id).map((l) => ({ ...l, taxIncluded: l.taxIncluded === 1 })),
          rates: sqlite.prepare('select rate, net, tax from invoice_tax_totals where invoice_id = ?').all(id) as { rate: number; net: number; tax: number }[],
        })),
      };
    },

    /** Writes the money basis of one old slip and its lines (inside the caller's transaction). */
    setMoney(kind: 'shipment' | 'invoice', id: number, total: Money, lines: readonly { id: number; money: Money }[]): void {
      const [head, line] = kind === 'shipment' ? ['shipments', 'shipment_lines'] : ['invoices', 'invoice_lines'];
      const setLine = sqlite.prepare(`update ${line} set net_amount = ?, tax_amount = ?, gross_amount = ? where id = ?`);
      for (const l of lines) setLine.run(l.money.net, l.money.tax, l.money.gross, l.id);
      sqlite.prepare(`update ${head} set net_amount = ?, tax_amount = ?, gross_amount = ? where id = ?`).run(total.net, total.tax, total.gross, id);
    },

    /**
     * Inserts an import plan's 出荷伝票 (with a stock_ledger entry per inventory-tracked line) and
     * 請求伝票, confirmed, inside the caller's transaction; returns the stock entries written.
     * Raw prepared statements on purpose: this is the write of bench/import.bench.ts (40,000 lines
     * in one transaction, held to ≤ 2× a bare better-sqlite3 insert of the same rows).
     */
    insertImported(settingId: number, runId: number | null, slips: ImportedSlips, now: string): { stockEntries: number } {
      // Positional parameters straight from the drafts: named ones cost better-sqlite3 a property
      // lookup per parameter per row, and this writes ~100,000 rows per 10,000 orders.
      const s = {
        shipment: sqlite.prepare(headInsertSql('shipments', ['amount', 'warehouse_id', 'bcart_logistics_id', 'buyer_code', 'buyer_name'])),
        shipmentLine: sqlite.prepare(
          `insert into shipment_lines (shipment_id, line_no, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included, net_amount, tax_amount, gross_amount,
             bcart_order_product_id, ec_setting_id)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
        stock: sqlite.prepare(
          `insert into stock_ledger (warehouse_id, product_id, quantity, source_type, source_id, date, created_at) values (?, ?, ?, 'shipment', ?, ?, ?)`,
        ),
        invoice: sqlite.prepare(headInsertSql('invoices', ['total'])),
        invoiceLine: sqlite.prepare(
          `insert into invoice_lines (invoice_id, line_no, kind, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included, net_amount, tax_amount, gross_amount)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
        taxTotal: sqlite.prepare(`insert into invoice_tax_totals (invoice_id, rate, net, tax, gross, app_tax) values (?, ?, ?, ?, ?, ?)`),
      };
      let stockEntries = 0;
      for (const d of slips.shipments) {
        const t = d.money;
        const b = d.buyer;
        const id = s.shipment.run(
          settingId,
          d.departmentId,
          d.customerId,
          d.date,
          d.workflowId,
          t.net,
          t.tax,
          t.gross,
          d.bcartOrderId,
          d.bcartOrderCode,
          b.memberId,
          b.extId,
          b.company,
          runId,
          now,
          now,
          d.amount,
          d.warehouseId,
          d.bcartLogisticsId,
          d.buyerCode,
          d.buyerName,
        ).lastInsertRowid;
        const lines = d.lines;
        const m = d.money.byLine;
        for (let i = 0; i < lines.length; i++) {
          const l = lines[i]!;
          s.shipmentLine.run(id, i + 1, l.productId, l.quantity, l.unitPrice, l.amount, l.taxClassId, l.taxRate, l.taxIncluded ? 1 : 0, m[3 * i], m[3 * i + 1], m[3 * i + 2], l.bcartOrderProductId, settingId);
          if (l.inventoryTracked && l.quantity !== 0) {
            s.stock.run(d.warehouseId, l.productId, -l.quantity, id, d.date, now);
            stockEntries++;
          }
        }
      }
      for (const inv of slips.invoices) {
        const t = inv.money;
        const b = inv.buyer;
        const id = s.invoice.run(
          settingId,
          inv.departmentId,
          inv.customerId,
          inv.date,
          inv.workflowId,
          t.net,
          t.tax,
          t.gross,
          inv.bcartOrderId,
          inv.bcartOrderCode,
          b.memberId,
          b.extId,
          b.company,
          runId,
          now,
          now,
          inv.total,
        ).lastInsertRowid;
        const lines = inv.lines;
        const m = inv.money.byLine;
        for (let i = 0; i < lines.length; i++) {
          const l = lines[i]!;
          s.invoiceLine.run(id, i + 1, l.kind, l.productId, l.quantity, l.unitPrice, l.amount, l.taxClassId, l.taxRate, l.taxIncluded ? 1 : 0, m[3 * i], m[3 * i + 1], m[3 * i + 2]);
        }
        for (const r of inv.byRate) s.taxTotal.run(id, r.rate, r.net, r.tax, r.gross, r.appTax);
      }
      return { stockEntries };
    },

    /** A 請求伝票 of the app's own (ec_setting_id null), inside the caller's transaction; its id. */
    insertAppInvoice(inv: AppInvoice, now: string): number {
      const row = orm
        .insert(invoices)
        .values({ ecSettingId: null, departmentId: inv.departmentId, customerId: inv.customerId, date: inv.date, workflowId: inv.workflowId, confirmed: true, total: inv.total, createdAt: now, updatedAt: now })
        .returning({ id: invoices.id })
        .get();
      if (inv.lines.length > 0) {
        orm
          .insert(invoiceLines)
          .values(inv.lines.map((l, i) => ({ ...l, invoiceId: row.id, lineNo: i + 1, kind: 'product', taxIncluded: inv.taxIncluded })))
          .run();
      }
      if (inv.byRate.length > 0) orm.insert(invoiceTaxTotals).values(inv.byRate.map((r) => ({ ...r, invoiceId: row.id, appTax: r.tax }))).run();
      return row.id;
    },

    /** Removes a 請求伝票 of the app's own with its lines and tax rows (cascade); imported ones are never removed here. */
    deleteAppInvoice(id: number): void {
      orm.delete(invoices).where(and(eq(invoices.id, id), sql`${invoices.ecSettingId} is null`)).run();
    },

    /** Stock rows of a document other than an import (a 売上伝票's 確定). */
    insertStockMoves(sourceType: 'sales', sourceId: number, moves: readonly StockMove[], now: string): void {
      const rows = moves.filter((m) => m.quantity !== 0);
      if (rows.length > 0) orm.insert(stockLedger).values(rows.map((m) => ({ ...m, sourceType, sourceId, createdAt: now }))).run();
    },

    /** The stock rows a document wrote (its 確定取消 queues their opposite for 在庫反映). */
    stockMovesFor(sourceType: 'sales', sourceId: number): StockMove[] {
      return orm
        .select({ warehouseId: stockLedger.warehouseId, productId: stockLedger.productId, quantity: stockLedger.quantity, date: stockLedger.date })
        .from(stockLedger)
        .where(and(eq(stockLedger.sourceType, sourceType), eq(stockLedger.sourceId, sourceId)))
        .all();
    },

    /** 確定取消: the document's stock rows go. */
    deleteStockMoves(sourceType: 'sales', sourceId: number): void {
      orm.delete(stockLedger).where(and(eq(stockLedger.sourceType, sourceType), eq(stockLedger.sourceId, sourceId))).run();
    },

    /** Ledger stock of products at a warehouse (all movements). */
    stockOf(warehouseId: number, productIds: readonly number[]): Map<number, number> {
      if (productIds.length === 0) return new Map();
      const rows = orm
        .select({ productId: stockLedger.productId, qty: sql<number>`sum(${stockLedger.quantity})` })
        .from(stockLedger)
        .where(and(eq(stockLedger.warehouseId, warehouseId), inIds(stockLedger.productId, productIds)))
        .groupBy(stockLedger.productId)
        .all();
      return new Map(rows.map((r) => [r.productId, r.qty]));
    },
  };
}

export type SlipRepository = ReturnType<typeof createSlipRepository>;
