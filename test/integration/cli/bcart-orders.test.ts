/** `npm run cli -- bcart:orders` against the simulator: normalised JSON, window filter, typed failures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('cli bcart:orders', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, orders: 120, rateLimit: false, fromDate: '2026-10-01', toDate: '2026-10-31' });
  });
  afterAll(() => sim.close());

  it('prints the orders of the 受注日 window as normalised JSON with lines and logistics', async () => {
    const c = capture();
    const code = await runCli(['bcart:orders', '--base-url', sim.url, '--token', sim.token, '--from', '2026-10-10', '--to', '2026-10-12', '--json'], c.io);
    expect(code).toBe(0);
    const orders = JSON.parse(c.out.join('\n')) as { code: string; orderedAt: string; orderProducts: unknown[]; logistics: unknown[]; finalPrice: number }[];
    const expected = sim.state.orders.filter((o) => {
      const d = String(o.order.ordered_at).slice(0, 10);
      return d >= '2026-10-10' && d <= '2026-10-12';
    });
    expect(orders.map((o) => o.code).sort()).toEqual(expected.map((o) => String(o.order.code)).sort());
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(o.orderedAt).toMatch(/^2026-10-1[0-2]T\d{2}:\d{2}:\d{2}\+09:00$/);
      expect(o.orderProducts.length).toBeGreaterThan(0);
      expect(o.logistics.length).toBeGreaterThan(0);
      expect(Number.isInteger(o.finalPrice)).toBe(true);
    }
  });

  it('fails with a Japanese message and a non-zero exit on a bad token or bad dates', async () => {
    const bad = capture();
    expect(await runCli(['bcart:orders', '--base-url', sim.url, '--token', 'wrong', '--from', '2026-10-10', '--to', '2026-10-12'], bad.io)).toBe(1);
    expect(bad.err.join('')).toContain('認証');
    const dates = capture();
    expect(await runCli(['bcart:orders', '--base-url', sim.url, '--token', sim.token, '--from', '2026-13-01', '--to', '2026-10-12'], dates.io)).toBe(2);
    expect(dates.err.join('')).toContain('YYYY-MM-DD');
  });
});
