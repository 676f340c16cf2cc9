/**
 * An oracle of the import written apart from src-main/core/import/mapping: what the books must hold
 * per BCart order, worked out from the simulator's own orders (its ground truth) by the rules of
 * docs/import-rules.md read literally —
 * - one 出荷伝票 per logistics record with status 発送済, for an order that is not cancelled;
 * - per tax rate, the slip lines' amount = Σ over shipped product lines of 単価 × 入数 × 注文数
 *   (exact: decimal strings scaled to bigint);
 * - one 請求伝票 once every logistics record is 発送済; its total = final_price, and its per-rate
 *   税込 figures are BCart's order_totals; its 8 % and 0 % 税抜 equal the goods of those rates.
 * `booksByOrder` reads the same figures from what the importer wrote; `compareBooks` lists every
 * order where they differ.
 */
import type Database from 'better-sqlite3';
import type { StoredOrder } from '../../../src-main/simulator/order-builder';

export interface OrderBook {
  shipments: number;
  /** rate (%) → Σ slip line amounts */
  lineAmounts: Record<string, string>;
  invoices: number;
  invoiceTotal: number | null;
  /** rate (%) → [税抜, 税込] of the invoice */
  invoiceRates: Record<string, [number, number]>;
}

/** "12.5" → 125n / 10n as [numerator, scale]. */
function decimal(text: string | number): [bigint, bigint] {
  const s = String(text).trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a decimal: ${s}`);
  const frac = m[3] ?? '';
  const n = BigInt(`${m[2]}${frac}`) * (m[1] === '-' ? -1n : 1n);
  return [n, 10n ** BigInt(frac.length)];
}

/** "0.1" / "0.08" / "0" → "10" / "8" / "0". */
function percent(rate: string): string {
  const [n, scale] = decimal(rate);
  const pct = n * 100n;
  if (pct % scale !== 0n) throw new Error(`rate ${rate} is not a whole percent`);
  return String(pct / scale);
}

const CANCELLED = 'キャンセル';
const SHIPPED = '発送済';

/** The books the import must write for these orders. */
export function expectedBooks(orders: readonly StoredOrder[]): Map<number, OrderBook> {
  const out = new Map<number, OrderBook>();
  for (const { order, products, logistics } of orders) {
    const book: OrderBook = { shipments: 0, lineAmounts: {}, invoices: 0, invoiceTotal: null, invoiceRates: {} };
    out.set(order.id, book);
    if (order.status === CANCELLED) continue;
    const shipped = logistics.filter((l) => l.status === SHIPPED);
    book.shipments = shipped.length;
    const sums = new Map<string, [bigint, bigint]>();
    for (const p of products) {
      if (p.item_type !== 'product') continue;
      const home = p.logistics_id ?? (logistics.length === 1 ? logistics[0]!.id : null);
      if (!shipped.some((l) => l.id === home)) continue;
      const [price, scale] = decimal(p.unit_price);
      const amount = price * BigInt(p.set_quantity) * BigInt(p.order_pro_count);
      const rate = percent(p.tax_rate);
      const [sum, s] = sums.get(rate) ?? [0n, scale];
      // bring both to the larger scale before adding
      const common = s > scale ? s : scale;
      sums.set(rate, [sum * (common / s) + amount * (common / scale), common]);
    }
    for (const [rate, [sum, scale]] of sums) {
      if (sum % scale !== 0n) throw new Error(`order ${order.code}: rate ${rate} lines are not whole yen`);
      book.lineAmounts[rate] = String(sum / scale);
    }
    if (logistics.length > 0 && shipped.length === logistics.length) {
      book.invoices = 1;
      book.invoiceTotal = order.final_price;
      for (const t of order.order_totals) book.invoiceRates[percent(t.tax_rate)] = [Number(t.total), t.total_incl_tax];
    }
  }
  return out;
}

/** The same figures as the importer wrote them, per BCart order id ≥ minOrderId. */
export function booksByOrder(db: Database.Database, minOrderId = 0): Map<number, OrderBook> {
  const out = new Map<number, OrderBook>();
  const get = (id: number) => {
    let b = out.get(id);
    if (!b) out.set(id, (b = { shipments: 0, lineAmounts: {}, invoices: 0, invoiceTotal: null, invoiceRates: {} }));
    return b;
  };
  for (const r of db
    .prepare('select bcart_order_id as o, count(*) as n from shipments where bcart_order_id >= ? group by 1')
    .all(minOrderId) as { o: number; n: number }[])
    get(r.o).shipments = r.n;
  for (const r of db
    .prepare(
      'select s.bcart_order_id as o, l.tax_rate as rate, sum(l.amount) as a from shipment_lines l join shipments s on s.id = l.shipment_id where s.bcart_order_id >= ? group by 1, 2',
    )
    .all(minOrderId) as { o: number; rate: number; a: number }[])
    get(r.o).lineAmounts[String(r.rate)] = String(r.a);
  for (const r of db
    .prepare('select bcart_order_id as o, count(*) as n, max(total) as total from invoices where bcart_order_id >= ? group by 1')
    .all(minOrderId) as { o: number; n: number; total: number }[]) {
    get(r.o).invoices = r.n;
    get(r.o).invoiceTotal = r.total;
  }
  for (const r of db
    .prepare(
      'select i.bcart_order_id as o, t.rate, t.net, t.gross from invoice_tax_totals t join invoices i on i.id = t.invoice_id where i.bcart_order_id >= ?',
    )
    .all(minOrderId) as { o: number; rate: number; net: number; gross: number }[])
    get(r.o).invoiceRates[String(r.rate)] = [r.net, r.gross];
  return out;
}

const canonical = (b: OrderBook) =>
  JSON.stringify({
    shipments: b.shipments,
    lineAmounts: Object.entries(b.lineAmounts).sort(),
    invoices: b.invoices,
    invoiceTotal: b.invoiceTotal,
    invoiceRates: Object.entries(b.invoiceRates).sort(),
  });
const EMPTY = canonical({ shipments: 0, lineAmounts: {}, invoices: 0, invoiceTotal: null, invoiceRates: {} });

/**
 * Orders whose written books differ from the oracle. The oracle's 8 % / 0 % 税抜 must also equal its
 * own slip lines of those rates once the order is invoiced (every line shipped): a check of the
 * simulator's data that keeps the two halves of the oracle honest with each other.
 */
export function compareBooks(expected: Map<number, OrderBook>, written: Map<number, OrderBook>): string[] {
  const problems: string[] = [];
  for (const id of new Set([...expected.keys(), ...written.keys()])) {
    const e = expected.get(id);
    const w = written.get(id);
    if (!e) {
      problems.push(`order ${id}: books written for an order the shop does not have`);
      continue;
    }
    const got = w ? canonical(w) : EMPTY;
    if (got !== canonical(e)) problems.push(`order ${id}: written ${got}, expected ${canonical(e)}`);
    if (e.invoices === 1) {
      for (const rate of ['8', '0']) {
        const net = e.invoiceRates[rate]?.[0] ?? 0;
        const goods = Number(e.lineAmounts[rate] ?? '0');
        if (net !== goods) problems.push(`order ${id}: BCart's ${rate} % 税抜 ${net} ≠ its goods ${goods}`);
      }
    }
  }
  return problems;
}
