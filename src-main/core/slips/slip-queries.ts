/** Read side of the imported 出荷伝票 / 請求伝票 (lists and details with the BCart ids). */
import { foldForSearch } from '../../../src-shared/domain/search-fold';
import { AppError } from '../../../src-shared/errors';
import type { InvoiceDetailView, InvoiceRowView, ShipmentDetailView, ShipmentRowView } from '../../../src-shared/slips/slips';
import type { SqliteDb } from '../db/open';

export interface SlipQuery {
  from?: string;
  to?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

function filter(alias: string, q: SlipQuery): { where: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  if (q.from) {
    parts.push(`${alias}.date >= ?`);
    args.push(q.from);
  }
  if (q.to) {
    parts.push(`${alias}.date <= ?`);
    args.push(q.to);
  }
  if (q.search && q.search.trim() !== '') {
    const like = `%${foldForSearch(q.search).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    // search_fold (db/open.ts) folds kana, width and case on both sides; フリガナ finds the customer too
    parts.push(
      `(search_fold(${alias}.bcart_order_code) like ? escape '\\' or search_fold(c.code) like ? escape '\\' or search_fold(c.name) like ? escape '\\' or search_fold(c.kana) like ? escape '\\')`,
    );
    args.push(like, like, like, like);
  }
  return { where: parts.length > 0 ? `where ${parts.join(' and ')}` : '', args };
}

const bool = <T extends { confirmed: unknown }>(r: T): T & { confirmed: boolean } => ({ ...r, confirmed: Boolean(r.confirmed) });

/** 出荷伝票, newest first. */
export function listShipments(db: SqliteDb, q: SlipQuery): { rows: ShipmentRowView[]; total: number } {
  const f = filter('s', q);
  const from = 'from shipments s join partners c on c.id = s.customer_id';
  const total = (db.prepare(`select count(*) as n ${from} ${f.where}`).get(...f.args) as { n: number }).n;
  const rows = db
    .prepare(
      `select s.id, s.date, c.code as customerCode, c.name as customerName, s.amount, s.confirmed, s.bcart_order_id as bcartOrderId,
         s.bcart_order_code as bcartOrderCode, s.bcart_logistics_id as bcartLogisticsId, s.import_run_id as importRunId
       ${from} ${f.where} order by s.date desc, s.id desc limit ? offset ?`,
    )
    .all(...f.args, q.limit ?? 1000, q.offset ?? 0) as ShipmentRowView[];
  return { rows: rows.map(bool), total };
}

/** 請求伝票, newest first. */
export function listInvoices(db: SqliteDb, q: SlipQuery): { rows: InvoiceRowView[]; total: number } {
  const f = filter('i', q);
  const from = 'from invoices i join partners c on c.id = i.customer_id';
  const total = (db.prepare(`select count(*) as n ${from} ${f.where}`).get(...f.args) as { n: number }).n;
  const rows = db
    .prepare(
      `select i.id, i.date, c.code as customerCode, c.name as customerName, i.total, i.confirmed, i.bcart_order_id as bcartOrderId,
         i.bcart_order_code as bcartOrderCode, i.import_run_id as importRunId
       ${from} ${f.where} order by i.date desc, i.id desc limit ? offset ?`,
    )
    .all(...f.args, q.limit ?? 1000, q.offset ?? 0) as InvoiceRowView[];
  return { rows: rows.map(bool), total };
}

const LINE_COLUMNS = `l.line_no as lineNo, p.code as productCode, p.name as productName, l.quantity, l.unit_price as unitPrice, l.amount,
  l.tax_rate as taxRate, coalesce(t.name, '') as taxClassName, l.tax_included as taxIncluded`;

/** One 出荷伝票 with its lines; NOT_FOUND when absent. */
export function getShipment(db: SqliteDb, id: number): ShipmentDetailView {
  const head = db
    .prepare(
      `select s.id, s.date, c.code as customerCode, c.name as customerName, s.amount, s.confirmed, s.bcart_order_id as bcartOrderId,
         s.bcart_order_code as bcartOrderCode, s.bcart_logistics_id as bcartLogisticsId, s.import_run_id as importRunId,
         d.name as departmentName, w.name as warehouseName, wf.name as workflowName,
         (select i.id from invoices i where i.bcart_order_id = s.bcart_order_id) as invoiceId
       from shipments s join partners c on c.id = s.customer_id join departments d on d.id = s.department_id
         join partners w on w.id = s.warehouse_id left join workflows wf on wf.id = s.workflow_id where s.id = ?`,
    )
    .get(id) as Omit<ShipmentDetailView, 'lines'> | undefined;
  if (!head) throw new AppError('NOT_FOUND', `出荷伝票 (ID ${id}) が見つかりません。一覧を更新してください。`);
  const lines = db
    .prepare(
      `select ${LINE_COLUMNS}, l.bcart_order_product_id as bcartOrderProductId
       from shipment_lines l join products p on p.id = l.product_id left join tax_classes t on t.id = l.tax_class_id
       where l.shipment_id = ? order by l.line_no`,
    )
    .all(id) as (ShipmentDetailView['lines'][number] & { taxIncluded: unknown })[];
  return { ...bool(head), lines: lines.map((l) => ({ ...l, taxIncluded: Boolean(l.taxIncluded) })) };
}

/** One 請求伝票 with lines, per-rate totals and its 出荷伝票; NOT_FOUND when absent. */
export function getInvoice(db: SqliteDb, id: number): InvoiceDetailView {
  const head = db
    .prepare(
      `select i.id, i.date, c.code as customerCode, c.name as customerName, i.total, i.confirmed, i.bcart_order_id as bcartOrderId,
         i.bcart_order_code as bcartOrderCode, i.import_run_id as importRunId, d.name as departmentName, wf.name as workflowName
       from invoices i join partners c on c.id = i.customer_id join departments d on d.id = i.department_id
         left join workflows wf on wf.id = i.workflow_id where i.id = ?`,
    )
    .get(id) as Omit<InvoiceDetailView, 'lines' | 'taxTotals' | 'shipments'> | undefined;
  if (!head) throw new AppError('NOT_FOUND', `請求伝票 (ID ${id}) が見つかりません。一覧を更新してください。`);
  const lines = db
    .prepare(
      `select ${LINE_COLUMNS}, l.kind from invoice_lines l join products p on p.id = l.product_id
         left join tax_classes t on t.id = l.tax_class_id where l.invoice_id = ? order by l.line_no`,
    )
    .all(id) as (InvoiceDetailView['lines'][number] & { taxIncluded: unknown })[];
  const taxTotals = db
    .prepare('select rate, net, tax, gross, app_tax as appTax from invoice_tax_totals where invoice_id = ? order by rate desc')
    .all(id) as InvoiceDetailView['taxTotals'];
  const shipments =
    head.bcartOrderId === null
      ? []
      : (db
          .prepare('select id, date, amount, bcart_logistics_id as bcartLogisticsId from shipments where bcart_order_id = ? order by id')
          .all(head.bcartOrderId) as InvoiceDetailView['shipments']);
  return { ...bool(head), lines: lines.map((l) => ({ ...l, taxIncluded: Boolean(l.taxIncluded) })), taxTotals, shipments };
}
