/**
 * The shop of bench/import.bench.ts (and of bench/import-books-dump.ts, its "nothing changed"
 * oracle): 10,000 orders of 4 goods lines each over one 7-day window, 90 % shipped, 10 % still
 * waiting, on the simulator with the limiter off.
 */
import { SUPPORTED_PAYMENTS, startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { addDays } from '../../src-shared/domain/jst-date';

export const SHOP_ORDERS = 10_000;

/** `today` is the window's last JST date (the bench: today's; the dump: a fixed one). */
export async function startShop(today: string, orders = SHOP_ORDERS): Promise<{ sim: RunningSimulator; from: string; today: string }> {
  const from = addDays(today, -6);
  const sim = await startSimulator({ seed: 5, orders: 0, fromDate: from, toDate: today, rateLimit: false, includeUnsupported: false });
  const members = sim.state.customers.filter((c) => c.ext_id !== '');
  for (let i = 0; i < orders; i++) {
    const day = addDays(from, i % 7);
    const shipped = i % 10 !== 0;
    sim.state.addOrder({
      customerId: members[i % members.length]!.id,
      payment: SUPPORTED_PAYMENTS[i % SUPPORTED_PAYMENTS.length]![0],
      orderedAt: `${day} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
      lineCount: 4,
      logistics: [shipped ? { status: '発送済', shipmentDate: day } : { status: '未発送' }],
    });
  }
  return { sim, from, today };
}
