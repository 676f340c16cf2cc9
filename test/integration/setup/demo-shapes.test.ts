/**
 * The demo shop holds the shapes real shops have (docs/import-rules.md), and the demo's 初期設定 + 出荷取込処理
 * handle each of them, over real HTTP against the simulator on loopback and a real SQLite file:
 * - orders paid by a payment method the shop created → booked to the customer of its payment rule;
 * - an order cancelled under the shop's own status name (取消し) → dropped, not booked, not watched;
 * - an order cancelled after its first box shipped and was booked → one row on the 要確認 list.
 * Every import run succeeds (`npm run demo` must import cleanly).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SHAPE_ORDERS, DEMO_SHOP_CONVENTIONS, type RunningSimulator, type StoredOrder } from '../../../src-main/simulator';
import { makeTestCore } from '../../helpers/core';

const SHOP_PAYMENT = '請求書払い(月末締め)';

describe('demo shop shapes', () => {
  it('shows each shape and the import handles them: payment mapped, renamed cancel dropped, 要確認 row', async () => {
    const t = await makeTestCore();
    try {
      const started = await t.call<{ settingId: number }>('demo:start', {});
      const sim = (await t.core.services.demo.shop()) as unknown as RunningSimulator;
      const orders: StoredOrder[] = sim.state.orders;

      // the shop, before any import: what a real shop's BCart holds
      expect(DEMO_SHOP_CONVENTIONS.payments.map((p) => p.paymentName)).toEqual([SHOP_PAYMENT]);
      const byShopPayment = orders.filter((o) => o.order.payment === SHOP_PAYMENT);
      expect(byShopPayment).toHaveLength(DEMO_SHAPE_ORDERS.shopPayment);
      const renamed = orders.filter((o) => o.order.status === '取消し');
      expect(renamed).toHaveLength(1);
      const partial = orders.filter((o) => o.logistics.length === 2 && o.logistics.some((l) => l.status === '発送済') && o.logistics.some((l) => l.status === '未発送') && o.order.payment === 'Bカート掛け払い' && o.order.ordered_at.endsWith(' 14:00:00'));
      expect(partial).toHaveLength(1);
      const partialOrder = partial[0]!;
      expect(partialOrder.order.status).not.toBe('キャンセル'); // cancelled only after the app first read it

      // the demo's 初期設定 configured the setting for them
      const setting = await t.call<{ cancelStatuses: string[] }>('settings:get', { id: started.settingId });
      expect(setting.cancelStatuses).toEqual(['キャンセル', '取消し']);
      const { rows: rules } = await t.call<{ rows: { paymentName: string; ruleKind: string; customerCode: string | null; customerStatus: string | null }[] }>('paymentRules:list', { settingId: started.settingId });
      expect(rules.find((r) => r.paymentName === SHOP_PAYMENT)).toMatchObject({ ruleKind: 'customer', customerCode: 'BC_Invoice', customerStatus: 'ok' });

      // 出荷取込処理 until caught up: every run succeeds
      const statuses: string[] = [];
      for (let i = 0; i < 20; i++) {
        const o = await t.core.services.imports.run({ settingId: started.settingId, dryRun: false, trigger: 'cli' });
        statuses.push(o.status);
        if (o.status !== 'succeeded' || o.caughtUp) break;
      }
      expect(statuses.length).toBeGreaterThan(1);
      expect(statuses.every((s) => s === 'succeeded')).toBe(true);

      const db = t.core.db;
      // payment mapped: each order of the shop's own method is one 請求伝票 of BC_Invoice
      const invoiceCustomers = db
        .prepare(`select p.code from invoices i join partners p on p.id = i.customer_id where i.bcart_order_id in (${byShopPayment.map(() => '?').join(',')})`)
        .pluck()
        .all(...byShopPayment.map((o) => o.order.id));
      expect(invoiceCustomers).toEqual(byShopPayment.map(() => 'BC_Invoice'));
      // the renamed cancel: nothing booked, nothing watched
      const renamedId = renamed[0]!.order.id;
      expect(db.prepare('select count(*) from shipments where bcart_order_id = ?').pluck().get(renamedId)).toBe(0);
      expect(db.prepare('select count(*) from invoices where bcart_order_id = ?').pluck().get(renamedId)).toBe(0);
      expect(db.prepare('select count(*) from import_watch where bcart_order_id = ?').pluck().get(renamedId)).toBe(0);
      // cancelled after the shipped part was booked: on the 要確認 list, its 未発送 record no longer watched
      expect(partialOrder.order.status).toBe('キャンセル');
      expect(db.prepare('select count(*) from shipments where bcart_order_id = ?').pluck().get(partialOrder.order.id)).toBe(1);
      expect(db.prepare('select count(*) from import_watch where bcart_order_id = ?').pluck().get(partialOrder.order.id)).toBe(0);
      const reviews = db.prepare('select reason from import_reviews where bcart_order_id = ?').pluck().all(partialOrder.order.id);
      expect(reviews).toEqual(['CANCELLED_AFTER_PARTIAL_SHIPMENT']);
      expect(db.prepare('select count(*) from import_reviews').pluck().get()).toBe(1);
    } finally {
      await t.core.services.demo.stop();
      t.close();
    }
  }, 120_000);
});
