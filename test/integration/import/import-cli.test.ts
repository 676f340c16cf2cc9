/**
 * CLI: `init` then `import --dry-run --json` and `import --json` against the simulator: one JSON
 * object with the documented fields; a failing run exits 1 with a Japanese message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { makeTempDir } from '../../helpers/temp-dir';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

describe('npm run cli -- import', () => {
  let sim: RunningSimulator;
  const tmp = makeTempDir();
  const today = jstDateOf(Date.now());
  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, orders: 40, fromDate: addDays(today, -6), toDate: today, rateLimit: false, includeUnsupported: false });
  });
  afterAll(async () => {
    await sim.close();
    tmp.cleanup();
  });

  it('--dry-run --json prints the plan without committing, then --json imports it', async () => {
    const init = await cli(['init', '--data-dir', tmp.dir, '--base-url', sim.url, '--token', sim.token, '--from', addDays(today, -6)]);
    expect(init.code, init.err.join('\n')).toBe(0);
    const dry = await cli(['import', '--data-dir', tmp.dir, '--dry-run', '--json']);
    expect(dry.code, dry.err.join('\n')).toBe(0);
    expect(dry.out).toHaveLength(1);
    const plan = JSON.parse(dry.out[0]!) as {
      window: { from: string; to: string };
      shipments: { logisticsId: number; orderCode: string; customerCode: string; date: string; lines: { productCode: string; quantity: number; unitPrice: number; amount: number; taxRate: number }[] }[];
      invoices: { orderCode: string; customerCode: string; total: number; byRate: { rate: number; net: number; tax: number }[] }[];
      errors: unknown[];
      committed: boolean;
    };
    expect(plan.window).toEqual({ from: addDays(today, -6), to: today });
    expect(plan.committed).toBe(false);
    expect(plan.errors).toEqual([]);
    expect(plan.shipments.length).toBeGreaterThan(0);
    const l = plan.shipments[0]!.lines[0]!;
    expect(l.amount).toBe(l.unitPrice * l.quantity);
    for (const inv of plan.invoices) expect(inv.total).toBe(inv.byRate.reduce((n, b) => n + b.net + b.tax, 0));

    const real = await cli(['import', '--data-dir', tmp.dir, '--json']);
    expect(real.code).toBe(0);
    const done = JSON.parse(real.out[0]!) as { committed: boolean; shipments: unknown[]; invoices: unknown[] };
    expect(done.committed).toBe(true);
    expect(done.shipments).toHaveLength(plan.shipments.length);
    expect(done.invoices).toHaveLength(plan.invoices.length);
    // the same window again: nothing new
    const again = JSON.parse((await cli(['import', '--data-dir', tmp.dir, '--json'])).out[0]!) as { shipments: unknown[]; committed: boolean };
    expect(again).toMatchObject({ committed: true, shipments: [] });
  });

  it('exits 1 with a Japanese message when the run fails', async () => {
    sim.faults.set([{ kind: 'http-error', status: 500, count: -1 }]);
    try {
      const r = await cli(['import', '--data-dir', tmp.dir]);
      expect(r.code).toBe(1);
      expect(r.err.join('\n')).toMatch(/出荷取込処理に失敗しました.*何も取り込んでいません/s);
    } finally {
      sim.faults.clear();
    }
  });
});
