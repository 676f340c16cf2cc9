/**
 * Writes 請求伝票 the way the import does (invoice + lines + per-rate totals with the tax BCart
 * charged: ⌊net × rate / 100⌋ per invoice and rate, or ⌈…⌉), for 売掛管理 tests and e2e.
 */
import type { SqliteDb } from '../../src-main/core/db/open';

export type ProductKind = 'std' | 'reduced' | 'exempt';
export const RATE_OF: Record<ProductKind, number> = { std: 10, reduced: 8, exempt: 0 };

export interface InvoiceMasters {
  departmentId: number;
  products: Record<ProductKind, number>;
  taxClass: Record<ProductKind, number>;
}

/** A 部門 and one product per tax class (①ボールペン 黒 10 %, 緑茶ティーバッグ 8 % 軽減, 商品券 非課税). */
export function seedInvoiceMasters(db: SqliteDb, stamp = '2025-01-01T00:00:00+09:00'): InvoiceMasters {
  const ins = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  const tax = (kind: string) => (db.prepare('select id from tax_classes where kind = ? order by id').get(kind) as { id: number }).id;
  const taxClass = { std: tax('標準'), reduced: tax('軽減'), exempt: tax('非課税') };
  const departmentId = ins(`insert into departments (code, name, confirmed, created_at, updated_at) values ('EC', 'EC事業部', 1, ?, ?)`, stamp, stamp);
  const product = (code: string, name: string, taxId: number) =>
    ins(`insert into products (code, name, unit_quantity, inventory_tracked, tax_class_id, confirmed, created_at, updated_at) values (?, ?, 1, 1, ?, 1, ?, ?)`, code, name, taxId, stamp, stamp);
  return { departmentId, taxClass, products: { std: product('P10', '①ボールペン 黒', taxClass.std), reduced: product('P08', '緑茶ティーバッグ', taxClass.reduced), exempt: product('P00', '商品券', taxClass.exempt) } };
}

let orderSeq = 100_000;

/** Inserts one imported-like invoice; returns its id. */
export function insertInvoice(
  db: SqliteDb,
  m: InvoiceMasters,
  inv: { customerId: number; code: string; date: string; lines: { product: ProductKind; amount: number }[]; rounding?: 'floor' | 'ceil' },
  stamp = '2025-01-01T00:00:00+09:00',
): number {
  return db.transaction(() => {
    const byRate = new Map<number, number>();
    for (const l of inv.lines) byRate.set(RATE_OF[l.product], (byRate.get(RATE_OF[l.product]) ?? 0) + l.amount);
    // integer arithmetic: net × rate is exact, the division is rounded once
    const round = (n: number) => (inv.rounding === 'ceil' ? Math.ceil(n / 100) : Math.floor(n / 100));
    const totals = [...byRate.entries()].sort((a, b) => b[0] - a[0]).map(([rate, net]) => ({ rate, net, tax: round(net * rate) }));
    const total = totals.reduce((s, r) => s + r.net + r.tax, 0);
    const id = Number(
      db
        .prepare(`insert into invoices (department_id, customer_id, date, confirmed, total, bcart_order_id, bcart_order_code, created_at, updated_at) values (?, ?, ?, 1, ?, ?, ?, ?, ?)`)
        .run(m.departmentId, inv.customerId, inv.date, total, ++orderSeq, inv.code, stamp, stamp).lastInsertRowid,
    );
    inv.lines.forEach((l, i) =>
      db
        .prepare(`insert into invoice_lines (invoice_id, line_no, kind, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included) values (?, ?, 'product', ?, 1, ?, ?, ?, ?, 0)`)
        .run(id, i + 1, m.products[l.product], l.amount, l.amount, m.taxClass[l.product], RATE_OF[l.product]),
    );
    for (const r of totals) db.prepare(`insert into invoice_tax_totals (invoice_id, rate, net, tax, gross, app_tax) values (?, ?, ?, ?, ?, ?)`).run(id, r.rate, r.net, r.tax, r.net + r.tax, r.tax);
    return id;
  })();
}
