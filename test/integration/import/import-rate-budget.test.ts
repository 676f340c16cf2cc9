/**
 * NET-rate across runs: consecutive 出荷取込処理 runs of one EC連携設定 share one rate budget (BCart
 * counts calls per shop, not per run). With a budget of 10 calls / 300 s and a simulated clock
 * shared by the core and the simulator, catching up 60 days never puts more than 10 calls in any
 * 300 s window and never trips BCart's own limiter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { fakeTime } from '../../unit/bcart/helpers/fakes';
import { seedImportBooks } from './import-fixture';

const BUDGET = 10;

function maxInWindow(times: number[], w: number): number {
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    while (s[i]! - s[j]! >= w) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('rate budget shared by consecutive runs', () => {
  const time = fakeTime(Date.parse('2025-04-30T03:00:00Z'));
  let sim: RunningSimulator;
  let t: TestCore;
  let settingId = 0;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 8, orders: 1500, fromDate: '2025-03-01', toDate: '2025-04-30', rateLimit: true, includeUnsupported: false, clock: time.clock });
    for (const o of sim.state.orders) {
      if ((o.order.payment === '自社掛け払い' || o.order.payment === '銀行振込') && o.order.customer_ext_id === '') o.order.payment = 'PayPal';
    }
    t = await makeTestCore({ clock: time.clock, timers: time.timers });
    settingId = (await seedImportBooks(t.core.db, t.core.services.bcart, sim, '2025-03-01')).settingId;
    t.core.db.prepare('update ec_settings set rate_budget = ? where id = ?').run(BUDGET, settingId);
  });
  afterAll(async () => {
    await sim.close();
    t.close();
  });

  it(`never more than ${BUDGET} calls in any 300 s window over the whole catch-up, 0 lockouts`, async () => {
    const outcomes = [];
    for (let i = 0; i < 15; i++) {
      const o = await t.core.services.imports.run({ settingId, dryRun: false, trigger: 'schedule' });
      outcomes.push(o);
      if (o.status !== 'succeeded' || o.caughtUp) break;
    }
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 'succeeded'));
    expect(outcomes.at(-1)!.caughtUp).toBe(true);
    const calls = sim.state.requests.filter((r) => r.path.startsWith('/api/v1'));
    expect(calls.length).toBeGreaterThan(2 * BUDGET); // the catch-up needed several budgets' worth
    expect(calls.every((r) => r.status === 200)).toBe(true);
    expect(maxInWindow(calls.map((r) => r.at), 300_000)).toBeLessThanOrEqual(BUDGET);
    expect(sim.state.rateLimiter.lockouts).toBe(0);
  });
});
