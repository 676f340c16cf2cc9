/**
 * The pure mapping and validation step of 出荷取込処理 (docs/import-rules.md): BCart orders that
 * the client already fetched and normalised + a snapshot of the local masters → drafts of
 * 出荷伝票 and 請求伝票, the watch list and every problem. No I/O, no clock: the service wraps it
 * (fetch → this → one SQLite transaction) and the 取込プレビュー shows the same plan unwritten.
 *
 * Invariants:
 * - all or nothing is the caller's: if `problems` has any error, nothing of the plan is written;
 *   an order with an error contributes no drafts at all, so the preview never shows half an order;
 * - idempotence: logistics in alreadyImportedLogisticsIds and orders in alreadyInvoicedOrderIds
 *   are skipped silently (not errors), so overlapping windows and re-runs create nothing twice;
 * - output order is deterministic: order id, then logistics id, then line id.
 */
import type { BcartLogistics, BcartOrder } from '../../bcart/model';
import { isIsoDate } from '../../../../src-shared/domain/jst-date';
import { buildInvoice } from './build-invoice';
import { groupLinesByLogistics } from './group-lines-by-logistics';
import type { ImportMasters } from './import-masters';
import type { BuyerDraft, ImportPlan, InvoiceDraft, ProductLineDraft, ReviewDraft, ShipmentDraft, WatchEntry } from './import-plan';
import { OrderProblems, type ImportProblem } from './import-problem';
import { mapProductLine } from './map-product-line';
import { resolveCustomer } from './resolve-customer';
import { shipmentDraft } from './shipment-draft';
import { isCancelledStatus } from '../../../../src-shared/ec-settings/ec-setting';

/** BCart 発送状況 that counts as shipped (no み, docs/bcart-api.md#statuses). */
export const SHIPPED_STATUS = '発送済';

/** What one order contributes to the plan. */
interface OrderOutcome {
  shipments: ShipmentDraft[];
  invoice: InvoiceDraft | null;
  watch: WatchEntry | null;
  review: ReviewDraft | null;
  resolved: boolean;
  problems: ImportProblem[];
}

/**
 * Maps BCart orders to an import plan. Orders may repeat (a watched order re-fetched inside the
 * window); the first occurrence of each id is used.
 */
export function mapOrdersForImport(orders: readonly BcartOrder[], masters: ImportMasters): ImportPlan {
  const byId = new Map<number, BcartOrder>();
  for (const o of orders) if (!byId.has(o.id)) byId.set(o.id, o);
  const sorted = [...byId.values()].sort((a, b) => a.id - b.id);

  const plan: ImportPlan = {
    shipments: [],
    invoices: [],
    watch: [],
    resolvedOrderIds: [],
    reviews: [],
    problems: [],
    summary: { orders: sorted.length, shipments: 0, invoices: 0, lines: 0, amount: 0, shipmentAmount: 0, errors: 0, warnings: 0 },
  };
  for (const order of sorted) {
    const out = mapOrder(order, masters);
    for (const d of out.shipments) plan.shipments.push(d);
    if (out.invoice) plan.invoices.push(out.invoice);
    if (out.watch) plan.watch.push(out.watch);
    if (out.review) plan.reviews.push(out.review);
    if (out.resolved) plan.resolvedOrderIds.push(order.id);
    for (const p of out.problems) plan.problems.push(p);
  }
  const s = plan.summary;
  s.shipments = plan.shipments.length;
  s.invoices = plan.invoices.length;
  s.lines = plan.shipments.reduce((n, d) => n + d.lines.length, 0);
  s.shipmentAmount = plan.shipments.reduce((n, d) => n + d.amount, 0);
  s.amount = plan.invoices.reduce((n, d) => n + d.total, 0);
  s.errors = plan.problems.filter((p) => p.level === 'error').length;
  s.warnings = plan.problems.length - s.errors;
  return plan;
}

function mapOrder(order: BcartOrder, masters: ImportMasters): OrderOutcome {
  const problems = new OrderProblems(order.id, order.code);
  const out: OrderOutcome = { shipments: [], invoice: null, watch: null, review: null, resolved: false, problems: problems.list };
  // most orders have one logistics record: nothing to sort (the list is only read below)
  const logistics = order.logistics.length > 1 ? [...order.logistics].sort((a, b) => a.id - b.id) : order.logistics;
  const shipped = logistics.filter((l) => l.status === SHIPPED_STATUS);
  const newShipped = shipped.filter((l) => !masters.alreadyImportedLogisticsIds.has(l.id));

  if (isCancelledStatus(order.status, masters.settings.cancelStatuses)) {
    out.review = checkCancelled(order, logistics, shipped, newShipped, masters, problems);
    out.resolved = true;
    return out;
  }

  const fullyShipped = logistics.length > 0 && shipped.length === logistics.length;
  if (fullyShipped) out.resolved = true;
  else out.watch = { orderId: order.id, orderCode: order.code, reason: shipped.length > 0 ? 'partially-shipped' : 'not-shipped' };

  const needsInvoice = fullyShipped && !masters.alreadyInvoicedOrderIds.has(order.id);
  if (newShipped.length === 0 && !needsInvoice) return out;

  // Validation goes on after the first error so that the log lists every problem of the order.
  const customer = resolveCustomer(order, masters, problems);
  const groups = groupLinesByLogistics(order, logistics, problems);
  // Lines (and dates) of already-imported shipments are looked at again only when the invoice needs them.
  const needed = needsInvoice ? shipped : newShipped;
  const dates = new Map<number, string | null>();
  for (const l of needed) dates.set(l.id, shipmentDate(l, problems));
  const linesByLogistics = new Map<number, ProductLineDraft[]>();
  for (const l of needed) {
    const mapped: ProductLineDraft[] = [];
    for (const line of groups.get(l.id) ?? []) {
      const m = mapProductLine(line, l.id, masters, problems);
      if (m !== null) mapped.push(m);
    }
    linesByLogistics.set(l.id, mapped);
  }

  let buyer: BuyerDraft | null = null;
  for (const l of newShipped) {
    const lines = linesByLogistics.get(l.id) ?? [];
    if (lines.length === 0 && (groups.get(l.id) ?? []).length === 0) {
      problems.warning(
        'EMPTY_SHIPMENT',
        `発送ID ${l.id} は発送済ですが商品明細がありません。明細なしの出荷伝票として記録します。Bカートで発送と明細の対応を確認してください。`,
      );
    }
    const date = dates.get(l.id);
    if (customer !== null && date) {
      const draft = shipmentDraft(order, l, date, customer, lines, masters.settings, buyer);
      buyer = draft.buyer;
      out.shipments.push(draft);
    }
  }
  if (needsInvoice) {
    let lastDate = '';
    for (const d of dates.values()) if (d !== null && d > lastDate) lastDate = d;
    const logisticsIds: number[] = [];
    const productLines: ProductLineDraft[] = [];
    for (const l of logistics) {
      logisticsIds.push(l.id);
      for (const line of linesByLogistics.get(l.id) ?? []) productLines.push(line);
    }
    out.invoice = buildInvoice({ order, customer, date: lastDate, logisticsIds, productLines, buyer }, masters, problems);
  }
  if (customer === null || problems.hasErrors) {
    out.shipments = [];
    out.invoice = null;
  }
  // booked with BCart's per-rate figures, but the lines disagree with them: a clerk checks the order
  const mismatches =
    out.invoice === null || problems.list.length === 0 ? [] : problems.list.filter((p) => p.code === 'RATE_TOTAL_MISMATCH');
  if (out.invoice !== null && mismatches.length > 0) {
    out.review = {
      orderId: order.id,
      orderCode: order.code,
      reason: 'RATE_TOTAL_MISMATCH',
      message: mismatches.map((p) => p.message).join('\n'),
    };
  }
  return out;
}

/**
 * A cancelled order leaves the watch list (a leftover 未発送 record stops being watched); goods that
 * left the warehouse need a human decision. Returns the 要確認 entry of an order cancelled after
 * part of it shipped and was booked, but before its 請求伝票 (docs/import-rules.md#review-list).
 */
function checkCancelled(
  order: BcartOrder,
  logistics: BcartLogistics[],
  shipped: BcartLogistics[],
  newShipped: BcartLogistics[],
  masters: ImportMasters,
  problems: OrderProblems,
): ReviewDraft | null {
  if (newShipped.length > 0) {
    problems.error(
      'CANCELLED_BUT_SHIPPED',
      `対応状況が「${order.status}」（キャンセル）ですが、発送済の発送（発送ID ${newShipped.map((l) => l.id).join(', ')}）があります。Bカートで注文の対応状況と発送状況を確認し、どちらかを正しく直してから、再度取り込んでください。`,
    );
    return null;
  }
  const invoiced = masters.alreadyInvoicedOrderIds.has(order.id);
  if (shipped.length > 0 && !invoiced && shipped.length < logistics.length) {
    const message = `対応状況が「${order.status}」（キャンセル）になりましたが、発送ID ${shipped.map((l) => l.id).join(', ')} は発送済で出荷伝票を取込済みです（未発送の発送 ${logistics.length - shipped.length} 件は監視をやめます）。要確認一覧で、発送済の分の請求伝票を作成するか、理由を入力して確認済みにしてください。`;
    problems.warning('CANCELLED_AFTER_PARTIAL_SHIPMENT', message);
    return {
      orderId: order.id,
      orderCode: order.code,
      reason: 'CANCELLED_AFTER_PARTIAL_SHIPMENT',
      message: `受注番号 ${order.code}: ${message}`,
    };
  }
  if (shipped.length > 0 || invoiced) {
    problems.warning(
      'CANCELLED_AFTER_IMPORT',
      `対応状況が「${order.status}」（キャンセル）になりましたが、この注文の出荷伝票または請求伝票は取込済みです。必要に応じて取込済みの伝票を確定取消・修正してください。`,
    );
  }
  return null;
}

/** 発送日 of a shipped record, or null after recording the problem. */
function shipmentDate(l: BcartLogistics, problems: OrderProblems): string | null {
  if (l.shipmentDate === null || !isIsoDate(l.shipmentDate)) {
    return problems.error(
      'SHIPMENT_DATE_MISSING',
      `発送ID ${l.id} は発送済ですが、発送日 (shipment_date) が${l.shipmentDate === null ? '空' : `「${l.shipmentDate}」で日付として正しくありません`}。Bカートで発送日を入力してから、再度取り込んでください。`,
    );
  }
  return l.shipmentDate;
}
