/**
 * The demo shop used by `npm run demo` and by 「デモデータで試す」 in the app: only supported payment
 * methods, and (by trying seeds) no member without 貴社独自会員ID paying by 自社掛け払い / 銀行振込 —
 * an order the import rightly refuses. The demo shows the happy path; the refusals have their own
 * tests.
 *
 * It also holds what real shops have and the demo's 初期設定 is told about (DEMO_SHOP_CONVENTIONS,
 * docs/import-rules.md): orders paid by a payment method the shop created itself, an order cancelled
 * under the shop's own status name, and an order cancelled after part of it shipped (要確認).
 */
import { addDays } from '../../src-shared/domain/jst-date';
import type { DemoShopConventions, DemoShopPort } from '../core/ports';
import { startSimulator } from './start-simulator';
import type { RunningSimulator, SimulatorOptions } from './start-simulator';

/** Demo shop: size, and the first seed tried. */
export const DEMO_SHOP = { seed: 3, orders: 200, days: 30 } as const;
/** The demo shop's own payment method and cancel status, as its 初期設定 configures them. */
export const DEMO_SHOP_CONVENTIONS: DemoShopConventions = {
  payments: [{ paymentName: '請求書払い(月末締め)', customerCode: 'BC_Invoice', customerName: 'Bカート 請求書払い(月末締め)' }],
  cancelStatuses: ['キャンセル', '取消し'],
};

/** The orders of the shapes above, added to the generated shop (ids after every generated order). */
export const DEMO_SHAPE_ORDERS = { shopPayment: 3, renamedCancel: 1, cancelAfterPartial: 1 } as const;

/** Seeds tried after the first one. */
const SEED_ATTEMPTS = 20;

export async function startDemoShop(
  from: string,
  today: string,
  extra: Pick<SimulatorOptions, 'clock' | 'port'> = {},
): Promise<RunningSimulator> {
  for (let i = 0; ; i++) {
    const sim = await startSimulator({
      seed: DEMO_SHOP.seed + i,
      orders: DEMO_SHOP.orders,
      fromDate: from,
      toDate: today,
      rateLimit: false,
      includeUnsupported: false,
      ...extra,
    });
    const unmappable = sim.state.orders.some(
      (o) => (o.order.payment === '自社掛け払い' || o.order.payment === '銀行振込') && o.order.customer_ext_id === '',
    );
    if (!unmappable || i >= SEED_ATTEMPTS) {
      addShapeOrders(sim, from);
      return sim;
    }
    await sim.close();
  }
}

/** Adds the orders of DEMO_SHOP_CONVENTIONS' shapes, a few days after `from` (inside every import's window). */
function addShapeOrders(sim: RunningSimulator, from: string): void {
  const day = addDays(from, 3);
  const shipped = addDays(from, 4);
  const at = (hh: number) => `${day} ${String(hh).padStart(2, '0')}:00:00`;
  const [payment] = DEMO_SHOP_CONVENTIONS.payments;
  for (let i = 0; i < DEMO_SHAPE_ORDERS.shopPayment; i++) {
    sim.state.addOrder({ orderedAt: at(9 + i), payment: payment!.paymentName, logistics: [{ status: '発送済', shipmentDate: shipped }] });
  }
  // cancelled before shipping, under the shop's own name: not an order to book
  sim.state.addOrder({ orderedAt: at(13), payment: 'PayPal', status: DEMO_SHOP_CONVENTIONS.cancelStatuses[1]!, logistics: [{ status: '未発送' }] });
  // one box shipped and booked by the first import, then the shop cancelled the rest: the 要確認 list
  const [a, b] = sim.state.productSets;
  const partial = sim.state.addOrder({
    orderedAt: at(14),
    payment: 'Bカート掛け払い',
    lines: [
      { productSetId: a!.id, count: 2, logistics: 0 },
      { productSetId: b!.id, count: 1, logistics: 1 },
    ],
    logistics: [{ status: '発送済', shipmentDate: shipped }, { status: '未発送' }],
  });
  sim.state.cancelAfterServed(partial.order.id, 1);
}

/** The demo shop as the core's port: what the shell, the harness, the CLI and the tests inject. */
export const demoShopPort: DemoShopPort = {
  days: DEMO_SHOP.days,
  conventions: DEMO_SHOP_CONVENTIONS,
  start: (from, today, opts) => startDemoShop(from, today, opts),
};
