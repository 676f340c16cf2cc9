/**
 * ホーム's 在庫 and 売掛 tiles through dispatch: 在庫反映 counts per status of the outbox, the last
 * 在庫照合's drift as the reconcile answered it (against the simulator), and 請求 due this week /
 * overdue from 入金予定 with hand-worked due dates (締 31, collected the end of the next month).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardReceivables, DashboardStock } from '../../../src-shared/dashboard/dashboard';
import { makeBooks, type Books } from '../receivables/receivables-fixture';
import { stockHarness, type StockHarness } from '../stock/stock-fixture';

describe('ホーム: 在庫反映 and 在庫照合', () => {
  let h: StockHarness;
  beforeAll(async () => {
    h = await stockHarness({ sim: { seed: 29 } });
  });
  afterAll(() => h.close());

  it('counts outbox rows per status and shows the last 在庫照合 (never, then its drift, then after a correction)', async () => {
    const first = await h.call<DashboardStock>('dashboard:stock', {});
    expect(first).toEqual({ pending: 0, failed: 0, ambiguous: 0, reconcile: [{ settingId: h.settingId, name: 'テスト', readAt: null, checked: 0, drifted: 0 }] });

    const db = h.t.core.db;
    const [a] = h.managed();
    const ins = db.prepare(
      "insert into stock_outbox (ec_setting_id, product_id, product_no, delta, status, sources, created_at, updated_at) values (?, ?, ?, 1, ?, '[]', '2025-01-01T00:00:00+09:00', '2025-01-01T00:00:00+09:00')",
    );
    for (const status of ['failed', 'failed', 'ambiguous', 'sent', 'excluded', 'resolved']) ins.run(h.settingId, h.product(a!.product_no), a!.product_no, status);
    expect(await h.call<DashboardStock>('dashboard:stock', {})).toMatchObject({ pending: 0, failed: 2, ambiguous: 1 });
    db.prepare("update stock_outbox set status = 'resolved' where status in ('failed', 'ambiguous')").run();

    // without 在庫移行 the books hold nothing: every managed set BCart has stock of drifts
    const r = await h.call<{ rows: { productId: number; bcart: number | null; drift: number | null; pending: number }[]; readAt: string }>('stock:reconcile', {});
    const checked = r.rows.filter((x) => x.bcart !== null).length;
    const drifted = r.rows.filter((x) => x.drift !== null && x.drift !== 0 && x.pending === 0);
    expect(drifted.length).toBeGreaterThan(1);
    const after = await h.call<DashboardStock>('dashboard:stock', {});
    expect(after.reconcile).toEqual([{ settingId: h.settingId, name: 'テスト', readAt: r.readAt, checked, drifted: drifted.length }]);

    // a correction of one set: one drift less
    await h.call('stock:correct', { settingId: h.settingId, productIds: [drifted[0]!.productId] });
    expect((await h.call<DashboardStock>('dashboard:stock', {})).reconcile[0]!.drifted).toBe(drifted.length - 1);
  });
});

describe('ホーム: 請求 due this week / overdue', () => {
  let b: Books;
  beforeEach(async () => {
    b = await makeBooks('2025-04-28'); // a Monday: the week ends Sunday 2025-05-04
  });
  afterEach(() => b.close());

  it('nothing open: zero', async () => {
    expect(await b.t.call<DashboardReceivables>('dashboard:receivables', {})).toEqual({
      today: '2025-04-28',
      weekEnd: '2025-05-04',
      dueThisWeek: { customers: 0, amount: 0 },
      overdue: { customers: 0, amount: 0 },
    });
  });

  it('sums open amounts by 入金予定日: overdue before today, due up to Sunday, later ones left out', async () => {
    const a = await b.customer('A1');
    const c = await b.customer('B1');
    const d = await b.customer('C1');
    b.invoice(a, 'K1', '2025-02-10', [{ product: 'std', amount: 10_000 }]); // 11,000 due 2025-03-31: overdue
    b.invoice(a, 'K2', '2025-03-10', [{ product: 'std', amount: 20_000 }]); // 22,000 due 2025-04-30: this week
    b.invoice(c, 'K3', '2025-03-05', [{ product: 'reduced', amount: 5_000 }]); // 5,400 due 2025-04-30: this week
    b.invoice(d, 'K4', '2025-04-10', [{ product: 'std', amount: 1_000 }]); // 1,100 due 2025-05-30: later
    expect(await b.t.call<DashboardReceivables>('dashboard:receivables', {})).toEqual({
      today: '2025-04-28',
      weekEnd: '2025-05-04',
      dueThisWeek: { customers: 2, amount: 27_400 },
      overdue: { customers: 1, amount: 11_000 },
    });
    // a payment of the oldest invoice clears the overdue amount
    await b.t.call('payments:record', { customerId: a, date: '2025-04-28', lines: [{ kind: '振込', amount: 11_000 }] });
    expect((await b.t.call<DashboardReceivables>('dashboard:receivables', {})).overdue).toEqual({ customers: 0, amount: 0 });
  });
});
