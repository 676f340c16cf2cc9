/**
 * Books for 売掛管理 tests on a real core and SQLite file: a 部門, products at 10 % / 8 % (軽減) / 0 %
 * (非課税), customers made through the 取引先 channels, and invoices written the way the import
 * writes them (invoice + lines + per-rate totals with the tax BCart charged, rounded down per
 * invoice and rate). The expected figures in the tests are worked out by hand, not by the code.
 */
import { jstStartOfDay } from '../../../src-shared/domain/jst-date';
import type { Clock } from '../../../src-main/core/ports';
import { makeTestCore, type TestCore } from '../../helpers/core';

export interface Books {
  t: TestCore;
  departmentId: number;
  products: { std: number; reduced: number; exempt: number };
  taxClass: { std: number; reduced: number; exempt: number };
  /** sets "today" (JST) */
  setToday(date: string): void;
  customer(code: string, values?: Record<string, unknown>): Promise<number>;
  /** an imported 請求伝票; BCart's tax is rounded down per invoice and rate unless `ceil` */
  invoice(customerId: number, code: string, date: string, lines: { product: 'std' | 'reduced' | 'exempt'; amount: number }[], rounding?: 'floor' | 'ceil'): number;
  close(): void;
}

/** A clock the test moves by hand (noon JST of the date). */
function settableClock(date: string): Clock & { set(d: string): void } {
  let now = jstStartOfDay(date) + 12 * 3600_000;
  return { now: () => now, set: (d) => (now = jstStartOfDay(d) + 12 * 3600_000) };
}

export async function makeBooks(today = '2025-03-01'): Promise<Books> {
  const clock = settableClock(today);
  const t = await makeTestCore({ clock });
  const db = t.core.db;
  const stamp = '2025-01-01T00:00:00+09:00';
  const ins = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  const tax = (kind: string) => (db.prepare('select id from tax_classes where kind = ? order by id').get(kind) as { id: number }).id;
  const taxClass = { std: tax('標準'), reduced: tax('軽減'), exempt: tax('非課税') };
  const departmentId = ins(`insert into departments (code, name, confirmed, created_at, updated_at) values ('EC', 'EC事業部', 1, ?, ?)`, stamp, stamp);
  const product = (code: string, name: string, taxId: number) =>
    ins(`insert into products (code, name, unit_quantity, inventory_tracked, tax_class_id, confirmed, created_at, updated_at) values (?, ?, 1, 1, ?, 1, ?, ?)`, code, name, taxId, stamp, stamp);
  const products = { std: product('P10', '①ボールペン 黒', taxClass.std), reduced: product('P08', '緑茶ティーバッグ', taxClass.reduced), exempt: product('P00', '商品券', taxClass.exempt) };
  const rateOf = { std: 10, reduced: 8, exempt: 0 } as const;
  let orderSeq = 100_000;

  return {
    t,
    departmentId,
    products,
    taxClass,
    setToday: (d) => clock.set(d),
    async customer(code, values = {}) {
      const row = await t.call<{ id: number }>('partners:create', { code, name: `${code} 商事`, kind: '得意先', billingType: '締', closingDay: 31, taxDisplay: '税込', ...values });
      await t.call('partners:confirm', { id: row.id });
      return row.id;
    },
    invoice(customerId, code, date, lines, rounding = 'floor') {
      return db.transaction(() => {
        const byRate = new Map<number, number>();
        for (const l of lines) byRate.set(rateOf[l.product], (byRate.get(rateOf[l.product]) ?? 0) + l.amount);
        // integer arithmetic: net × rate is exact, the division is rounded once
        const round = (n: number) => (rounding === 'ceil' ? Math.ceil(n / 100) : Math.floor(n / 100));
        const totals = [...byRate.entries()].sort((a, b) => b[0] - a[0]).map(([rate, net]) => ({ rate, net, tax: round(net * rate) }));
        const total = totals.reduce((s, r) => s + r.net + r.tax, 0);
        const id = ins(
          `insert into invoices (department_id, customer_id, date, confirmed, total, bcart_order_id, bcart_order_code, created_at, updated_at) values (?, ?, ?, 1, ?, ?, ?, ?, ?)`,
          departmentId,
          customerId,
          date,
          total,
          ++orderSeq,
          code,
          stamp,
          stamp,
        );
        lines.forEach((l, i) =>
          db
            .prepare(`insert into invoice_lines (invoice_id, line_no, kind, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included) values (?, ?, 'product', ?, 1, ?, ?, ?, ?, 0)`)
            .run(id, i + 1, products[l.product], l.amount, l.amount, taxClass[l.product], rateOf[l.product]),
        );
        for (const r of totals) db.prepare(`insert into invoice_tax_totals (invoice_id, rate, net, tax, gross, app_tax) values (?, ?, ?, ?, ?, ?)`).run(id, r.rate, r.net, r.tax, r.net + r.tax, r.tax);
        return id;
      })();
    },
    close: () => t.close(),
  };
}
