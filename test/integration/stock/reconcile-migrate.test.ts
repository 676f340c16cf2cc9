/**
 * 在庫照合 and 在庫移行 on a real core against the simulator: not-yet-imported orders (unshipped,
 * shipped but not imported, imported, cancelled, before the first 出荷取込開始日), pending pushes
 * sent first, a drift made in BCart's admin screen corrected by the relative difference with a
 * buyer ordering meanwhile not overwritten, ambiguous items closed, and 在庫移行 once only with no
 * drift right after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { receipt, stockHarness, type StockHarness } from './stock-fixture';

let h: StockHarness;
const today = jstDateOf(Date.now());
beforeAll(async () => {
  h = await stockHarness({ sim: { seed: 23 } });
});
afterAll(() => h.close());

interface Row {
  productId: number;
  setId: number;
  local: number;
  unimported: number;
  expected: number;
  bcart: number | null;
  drift: number | null;
  pending: number;
  ambiguous: number;
}
const reconcile = () => h.call<{ rows: Row[]; pushLeftPending: boolean; since: string }>('stock:reconcile', {});
const rowOf = (rows: Row[], setId: number) => rows.find((r) => r.setId === setId)!;

describe('在庫移行 then 在庫照合', () => {
  it('preview → apply: opening = BCart + not yet imported − local; 在庫照合 shows no drift right after; a second apply is refused', async () => {
    const [a, b] = h.managed();
    const pa = h.product(a!.product_no);
    // local stock before the migration: 5 of a
    const r = await receipt(h, h.wh2, [[pa, 1]]);
    await h.call('stockSlips:confirm', { id: r });
    h.t.core.db
      .prepare(
        "insert into stock_ledger (warehouse_id, product_id, quantity, source_type, source_id, date, created_at) values (?, ?, 5, 'opening', 0, ?, ?)",
      )
      .run(h.wh, pa, today, today);
    // orders not imported yet: a unshipped ×2, b shipped (not imported) ×3; one cancelled ×4
    h.sim.state.addOrder({ lines: [{ productSetId: a!.id, count: 2 }] });
    const shipped = h.sim.state.addOrder({ lines: [{ productSetId: b!.id, count: 3 }], logistics: [{ status: '発送済' }] });
    const cancelled = h.sim.state.addOrder({ lines: [{ productSetId: a!.id, count: 4 }] });
    h.sim.state.cancelOrder(cancelled.order.id);
    expect(shipped.logistics[0]!.status).toBe('発送済');

    const preview = await h.call<{
      rows: { setId: number; bcart: number; unimported: number; target: number; current: number; opening: number }[];
      appliedAt: string | null;
    }>('stock:migrationPreview', { settingId: h.settingId });
    expect(preview.appliedAt).toBeNull();
    const pa1 = preview.rows.find((x) => x.setId === a!.id)!;
    expect(pa1).toMatchObject({ bcart: h.stockOf(a!.id), unimported: 2, current: 5 });
    expect(pa1.target).toBe(h.stockOf(a!.id)! + 2);
    expect(pa1.opening).toBe(pa1.target - 5);
    expect(preview.rows.find((x) => x.setId === b!.id)).toMatchObject({ unimported: 3 });
    // unmanaged sets are not migrated
    expect(preview.rows.some((x) => h.unmanaged().some((u) => u.id === x.setId))).toBe(false);

    const requests = h.sim.state.requests.filter((x) => x.method === 'PATCH').length;
    const applied = await h.call<{ rows: number }>('stock:migrationApply', { settingId: h.settingId });
    expect(applied.rows).toBeGreaterThan(0);
    expect(h.sim.state.requests.filter((x) => x.method === 'PATCH').length).toBe(requests); // nothing pushed
    await expect(h.call('stock:migrationApply', { settingId: h.settingId })).rejects.toMatchObject({ data: { code: 'ALREADY_APPLIED' } });

    const after = await reconcile();
    expect(after.rows.filter((x) => x.bcart !== null && x.drift !== 0)).toEqual([]);
    expect(rowOf(after.rows, a!.id)).toMatchObject({ local: pa1.target, unimported: 2, drift: 0 });
  });

  it('importing the shipped order moves it from "not yet imported" to the ledger: still no drift', async () => {
    const outboxBefore = h.t.core.db.prepare('select count(*) from stock_outbox').pluck().get();
    const patches = h.sim.state.requests.filter((x) => x.method === 'PATCH').length;
    const o = await h.t.core.services.imports.run({ settingId: h.settingId, dryRun: false, trigger: 'cli' });
    expect(o.status).toBe('succeeded');
    expect(o.counts.shipments).toBeGreaterThan(0);
    expect(o.counts.stockEntries).toBeGreaterThan(0);
    // imported shipments never push: BCart already took them off at order time
    expect(h.t.core.db.prepare('select count(*) from stock_outbox').pluck().get()).toBe(outboxBefore);
    await h.call('stock:push', {});
    expect(h.sim.state.requests.filter((x) => x.method === 'PATCH').length).toBe(patches);
    const rows = (await reconcile()).rows;
    expect(rows.filter((x) => x.bcart !== null && x.drift !== 0)).toEqual([]);
  });

  it('pending pushes are sent first; a confirmed receipt keeps the drift at 0', async () => {
    const c = h.managed()[2]!;
    const id = await receipt(h, h.wh, [[h.product(c.product_no), 7]]);
    await h.call('stockSlips:confirm', { id });
    const rows = (await reconcile()).rows;
    expect(rowOf(rows, c.id)).toMatchObject({ pending: 0, drift: 0 });
  });

  it('a drift made in BCart is corrected by the relative difference; a buyer ordering meanwhile is kept', async () => {
    const d = h.managed()[3]!;
    const e = h.managed()[4]!;
    // someone edits BCart's stock by hand: −6 on d
    await fetch(`${h.sim.origin}/__admin/product_sets/${d.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ stock: h.stockOf(d.id)! - 6 }),
    });
    const rows = (await reconcile()).rows;
    expect(rowOf(rows, d.id).drift).toBe(-6);
    expect(rowOf(rows, e.id).drift).toBe(0);
    // a buyer orders 2 of d between the screen and the correction's send
    h.sim.faults.set([{ kind: 'buyer-order', path: '/product_sets', method: 'PATCH', count: 1 }]);
    const res = await h.call<{ corrected: { setId: number; delta: number }[]; skipped: unknown[] }>('stock:correct', {
      settingId: h.settingId,
      productIds: [h.product(d.product_no), h.product(e.product_no)],
    });
    h.sim.faults.clear();
    expect(res.corrected).toEqual([{ productId: h.product(d.product_no), setId: d.id, delta: 6 }]);
    const sends = h.sim.state.stock.journal.filter((x) => x.source === 'api' && x.setId === d.id);
    expect(sends.at(-1)!.op).toEqual({ kind: 'add', delta: 6 });
    const after = rowOf((await reconcile()).rows, d.id);
    expect(after.drift).toBe(0); // the buyer's order counts as not yet imported, not as drift
    expect(after.unimported).toBeGreaterThan(0);
    const log = h.t.core.db.prepare("select message from system_logs where code = 'STOCK_CORRECTED'").all() as { message: string }[];
    expect(log.at(-1)!.message).toContain('+6');
  });

  it('a correction closes the ambiguous items of the set; sets with pending items are skipped', async () => {
    const f = h.managed()[5]!;
    const pf = h.product(f.product_no);
    const id = await receipt(h, h.wh, [[pf, 3]]);
    await h.call('stockSlips:confirm', { id });
    h.sim.faults.set([
      { kind: 'apply-then-error', path: '/product_sets', method: 'PATCH', count: 1 },
      { kind: 'buyer-order', path: '/product_sets', method: 'PATCH', count: 1 },
    ]);
    await h.call('stock:push', {});
    h.sim.faults.clear();
    const amb = (await reconcile()).rows.find((x) => x.productId === pf)!;
    expect(amb.ambiguous).toBe(1);
    const res = await h.call<{ resolved: number; corrected: unknown[] }>('stock:correct', { settingId: h.settingId, productIds: [pf] });
    expect(res.resolved).toBe(1);
    expect(rowOf((await reconcile()).rows, f.id)).toMatchObject({ ambiguous: 0, drift: 0 });

    const g = h.managed()[6]!;
    const pg = h.product(g.product_no);
    const id2 = await receipt(h, h.wh, [[pg, 1]]);
    await h.call('stockSlips:confirm', { id: id2 });
    const lease = h.t.core.services.stock.leases;
    lease.tryAcquire(`stock-push:${h.settingId}`, 'someone-else', 60_000);
    const skipped = await h.call<{ skipped: { reason: string }[]; corrected: unknown[] }>('stock:correct', {
      settingId: h.settingId,
      productIds: [pg],
    });
    expect(skipped.corrected).toEqual([]);
    expect(skipped.skipped[0]!.reason).toContain('未送信');
    lease.release(`stock-push:${h.settingId}`, 'someone-else');
  });

  it('"since" is the first 出荷取込開始日, not the moved cursor', async () => {
    expect((await reconcile()).since).toBe(addDays(today, -3));
  });
});
