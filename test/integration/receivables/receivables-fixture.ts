/**
 * Books for 売掛管理 tests on a real core and SQLite file: a 部門, products at 10 % / 8 % (軽減) / 0 %
 * (非課税), customers made through the 取引先 channels, and invoices written the way the import
 * writes them (test/helpers/receivable-invoices.ts). The expected figures in the tests are worked
 * out by hand, not by the code.
 */
import { jstStartOfDay } from '../../../src-shared/domain/jst-date';
import type { Clock } from '../../../src-main/core/ports';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { insertInvoice, seedInvoiceMasters, type ProductKind } from '../../helpers/receivable-invoices';

export interface Books {
  t: TestCore;
  /** sets "today" (JST) */
  setToday(date: string): void;
  customer(code: string, values?: Record<string, unknown>): Promise<number>;
  /** an imported 請求伝票; BCart's tax is rounded down per invoice and rate unless `ceil` */
  invoice(customerId: number, code: string, date: string, lines: { product: ProductKind; amount: number }[], rounding?: 'floor' | 'ceil'): number;
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
  const masters = seedInvoiceMasters(t.core.db);
  return {
    t,
    setToday: (d) => clock.set(d),
    async customer(code, values = {}) {
      const row = await t.call<{ id: number }>('partners:create', { code, name: `${code} 商事`, kind: '得意先', billingType: '締', closingDay: 31, taxDisplay: '税込', ...values });
      await t.call('partners:confirm', { id: row.id });
      return row.id;
    },
    invoice: (customerId, code, date, lines, rounding = 'floor') => insertInvoice(t.core.db, masters, { customerId, code, date, lines, rounding }),
    close: () => t.close(),
  };
}
