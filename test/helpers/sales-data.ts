/**
 * Random slips for 売上分析 tests and bench/sales-analysis.bench.ts: BCart 出荷伝票 / 請求伝票 rows
 * written as the import writes them (raw INSERTs in one transaction), and confirmed 売上伝票 rows
 * whose figures come from the pure tax rule. Seeded, so a failure replays.
 */
import { createRng } from '../../src-main/simulator/prng';
import type { SqliteDb } from '../../src-main/core/db/open';
import { computeSlipTotals } from '../../src-shared/sales/slip-tax';

/** A seeded PRNG (the simulator's mulberry32), so a failure replays. */
export function seeded(seed: number): () => number {
  return createRng(seed).next;
}

export interface DataRefs {
  departmentIds: number[];
  customerIds: number[];
  warehouseId: number;
  /** goods products with their tax class and rate */
  products: { id: number; taxClassId: number; rate: number }[];
  /** the 送料 / ポイント product of the BCart extras */
  feeProductId: number;
  feeTaxClassId: number;
  /** 得意先コード some BCart buyers carry as their 貴社独自会員ID */
  buyerCodes?: (string | null)[];
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (rnd: () => number, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
function dateIn(rnd: () => number, from: string, days: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + int(rnd, 0, days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** An EC連携設定 row for the BCart invoices to point at. */
export function insertEcSetting(db: SqliteDb): number {
  const now = '2026-01-01T00:00:00+09:00';
  return Number(db.prepare("insert into ec_settings (name, created_at, updated_at) values ('Bカート', ?, ?)").run(now, now).lastInsertRowid);
}

/** BCart orders: one 出荷伝票 with 1–4 goods lines (some tax-included, some returns) and its 請求伝票 with 送料 and ポイント lines. */
export function insertBcartSlips(db: SqliteDb, refs: DataRefs, o: { count: number; seed: number; from: string; days: number; settingId: number }): void {
  const rnd = seeded(o.seed);
  const now = '2026-01-01T00:00:00+09:00';
  const ship = db.prepare(
    `insert into shipments (ec_setting_id, department_id, warehouse_id, customer_id, date, confirmed, amount, bcart_order_id, bcart_order_code, bcart_logistics_id,
       buyer_code, buyer_name, created_at, updated_at)
     values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = db.prepare(
    'insert into shipment_lines (shipment_id, line_no, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const inv = db.prepare(
    `insert into invoices (ec_setting_id, department_id, customer_id, date, confirmed, total, bcart_order_id, bcart_order_code, created_at, updated_at)
     values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  const invLine = db.prepare(
    'insert into invoice_lines (invoice_id, line_no, kind, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const base = Number((db.prepare('select coalesce(max(bcart_order_id), 0) as n from shipments').get() as { n: number }).n);
  db.transaction(() => {
    for (let i = 1; i <= o.count; i++) {
      const orderId = base + i;
      const dept = pick(rnd, refs.departmentIds);
      const customer = pick(rnd, refs.customerIds);
      const date = dateIn(rnd, o.from, o.days);
      const taxIncluded = rnd() < 0.5 ? 1 : 0;
      const lines = Array.from({ length: int(rnd, 1, 4) }, () => {
        const p = pick(rnd, refs.products);
        const quantity = rnd() < 0.05 ? -int(rnd, 1, 3) : int(rnd, 1, 20);
        const unitPrice = int(rnd, 1, 30_000);
        return { p, quantity, unitPrice, amount: quantity * unitPrice };
      });
      const amount = lines.reduce((s, l) => s + l.amount, 0);
      // buyers: a member whose 貴社独自会員ID is a 得意先コード, a member without one, or (older slips) none kept
      const kind = rnd();
      const buyer = kind < 0.3 ? { code: pick(rnd, refs.buyerCodes ?? [null]), name: null } : kind < 0.6 ? { code: `BC会員${int(rnd, 1, 5)}`, name: '会員' } : { code: null, name: null };
      const sid = Number(ship.run(o.settingId, dept, refs.warehouseId, customer, date, amount, orderId, `BC${orderId}`, orderId, buyer.code, buyer.name, now, now).lastInsertRowid);
      lines.forEach((l, n) => line.run(sid, n + 1, l.p.id, l.quantity, l.unitPrice, l.amount, l.p.taxClassId, l.p.rate, taxIncluded));
      const shipping = rnd() < 0.6 ? int(rnd, 0, 1500) : 0;
      const points = rnd() < 0.3 ? -int(rnd, 1, 500) : 0;
      const iid = Number(inv.run(o.settingId, dept, customer, date, amount + shipping + points, orderId, `BC${orderId}`, now, now).lastInsertRowid);
      lines.forEach((l, n) => invLine.run(iid, n + 1, 'product', l.p.id, l.quantity, l.unitPrice, l.amount, l.p.taxClassId, l.p.rate, taxIncluded));
      let n = lines.length;
      if (shipping > 0) invLine.run(iid, ++n, 'shipping', refs.feeProductId, 1, shipping, shipping, refs.feeTaxClassId, 10, 1);
      if (points !== 0) invLine.run(iid, ++n, 'point', refs.feeProductId, 1, points, points, refs.feeTaxClassId, 10, 1);
    }
  })();
}

/** Confirmed 売上伝票 (raw rows, figures from the pure tax rule) — the bench's wholesale half. */
export function insertWholesaleSlips(db: SqliteDb, refs: DataRefs, o: { count: number; seed: number; from: string; days: number }): void {
  const rnd = seeded(o.seed);
  const now = '2026-01-01T00:00:00+09:00';
  const slip = db.prepare(
    `insert into sales_slips (department_id, customer_id, warehouse_id, date, price_mode, tax_rounding, status, seq, slip_no, net, tax, total, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'floor', 'confirmed', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = db.prepare(
    'insert into sales_slip_lines (slip_id, line_no, product_id, quantity, unit_price, amount, net_amount, tax_class_id, tax_rate) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const seqs = new Map<number, number>();
  const maxSeq = db.prepare('select coalesce(max(seq), 0) as n from sales_slips where department_id = ?');
  db.transaction(() => {
    for (let i = 0; i < o.count; i++) {
      const dept = pick(rnd, refs.departmentIds);
      const seq = (seqs.get(dept) ?? (maxSeq.get(dept) as { n: number }).n) + 1;
      seqs.set(dept, seq);
      const mode = rnd() < 0.5 ? '税込' : '税抜';
      const lines = Array.from({ length: int(rnd, 1, 4) }, () => {
        const p = pick(rnd, refs.products);
        return { p, quantity: rnd() < 0.05 ? -int(rnd, 1, 3) : int(rnd, 1, 20), unitPrice: int(rnd, 1, 30_000), taxRate: p.rate };
      });
      const t = computeSlipTotals(lines, mode, 'floor');
      const id = Number(slip.run(dept, pick(rnd, refs.customerIds), refs.warehouseId, dateIn(rnd, o.from, o.days), mode, seq, `D${dept}-${seq}`, t.net, t.tax, t.total, now, now).lastInsertRowid);
      lines.forEach((l, n) => line.run(id, n + 1, l.p.id, l.quantity, l.unitPrice, t.lineAmounts[n], t.lineNets[n], l.p.taxClassId, l.taxRate));
    }
  })();
}
