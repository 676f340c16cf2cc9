/**
 * The demo shop used by `npm run demo` and by 「デモデータで試す」 in the app: only supported payment
 * methods, and (by trying seeds) no member without 貴社独自会員ID paying by 自社掛け払い / 銀行振込 —
 * an order the import rightly refuses. The demo shows the happy path; the refusals have their own
 * tests.
 */
import type { DemoShopPort } from '../core/ports';
import { startSimulator } from './start-simulator';
import type { RunningSimulator, SimulatorOptions } from './start-simulator';

/** Demo shop: size, and the first seed tried. */
export const DEMO_SHOP = { seed: 3, orders: 200, days: 30 } as const;
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
    if (!unmappable || i >= SEED_ATTEMPTS) return sim;
    await sim.close();
  }
}

/** The demo shop as the core's port: what the shell, the harness, the CLI and the tests inject. */
export const demoShopPort: DemoShopPort = { days: DEMO_SHOP.days, start: (from, today, opts) => startDemoShop(from, today, opts) };
