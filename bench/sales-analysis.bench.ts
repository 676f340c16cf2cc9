/**
 * 売上分析 at 100,000 slips (bench/lib/sales-analysis-data.ts: half BCart, half 卸, two years, 9 in
 * 10 商品 with a 原価): every view (月別 / 得意先別 / 商品別 / 部門別 / チャネル別, each with the
 * year-earlier figures and the 送料・手数料・ポイント totals) as the core computes it, beside a bare SQL
 * aggregate of the same lines (sum of amounts grouped by the same key, no tax back-out, no join to
 * the masters beyond the key) measured in the same run; the ratio is the figure to watch.
 * Run: npx tsx bench/sales-analysis.bench.ts [slips]
 */
import { performance } from 'node:perf_hooks';
import { createAnalysisRepository } from '../src-main/core/analysis/analysis-repository';
import { dbHandle } from '../src-main/core/db/db-handle';
import { createCore } from '../src-main/core/create-core';
import { createMemoryLogger } from '../src-main/core/logging';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { MIGRATIONS_DIR } from '../test/helpers/core';
import { makeTempDir } from '../test/helpers/temp-dir';
import { BARE_AGGREGATE, seedSalesBooks } from './lib/sales-analysis-data';
import { loadLine, median, REPS_DEFAULT } from './lib/measure';

const SLIPS = Number(process.argv[2] ?? 100_000);
const REPS = REPS_DEFAULT;
const FROM = '2026-01-01';
const TO = '2026-12-31';


function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const tmp = makeTempDir('bcart-bench-');
  const core = await createCore({ dataDir: tmp.dir, migrationsDir: MIGRATIONS_DIR, logger: createMemoryLogger(), tokenStore: createMemoryTokenStore() });
  try {
    let t = performance.now();
    await seedSalesBooks(core, SLIPS, 2026);
    const lines = (core.db.prepare('select (select count(*) from shipment_lines) + (select count(*) from sales_slip_lines) as n').get() as { n: number }).n;
    console.log(`data: ${SLIPS.toLocaleString()} slips, ${lines.toLocaleString()} lines over 2025–2026 (seeded in ${(performance.now() - t).toFixed(0)} ms)`);
    console.log(`period ${FROM}〜${TO} (plus the year-earlier period); median of ${REPS} runs each after a warm-up; ${loadLine()}`);
    console.log('view        bare ms   1 period ms  ratio   whole view ms  ratio  (whole view = the period + the year before + 送料・手数料・ポイント)');
    const repo = createAnalysisRepository(dbHandle(core.db));
    for (const by of ['month', 'customer', 'product', 'department', 'channel'] as const) {
      const bare = core.db.prepare(BARE_AGGREGATE[by]);
      const viewMs: number[] = [];
      const bareMs: number[] = [];
      const oneMs: number[] = [];
      // round −1 is the warm-up (page cache, prepared statements), not recorded
      for (let i = -1; i < REPS; i++) {
        const b0 = time(() => bare.all({ from: FROM, to: TO }));
        const o0 = time(() => repo.groups(by, { from: FROM, to: TO }));
        const v0 = performance.now();
        const r = await core.dispatch('analysis:sales', { by, from: FROM, to: TO }, { via: 'test' });
        const v1 = performance.now() - v0;
        if (!r.ok) throw new Error(r.error.message);
        if (i < 0) continue;
        bareMs.push(b0);
        oneMs.push(o0);
        viewMs.push(v1);
      }
      const v = median(viewMs);
      const b = median(bareMs);
      const o = median(oneMs);
      console.log(`${by.padEnd(11)} ${b.toFixed(1).padStart(7)}   ${o.toFixed(1).padStart(11)}  ${(o / b).toFixed(2)}×   ${v.toFixed(1).padStart(13)}  ${(v / b).toFixed(2)}×`);
    }
    t = performance.now();
    const r = await core.dispatch('analysis:sales', { by: 'month', from: FROM, to: TO }, { via: 'test' });
    if (!r.ok) throw new Error(r.error.message);
    console.log(`check: analysis:sales by month through dispatch ${(performance.now() - t).toFixed(0)} ms, ${(r.value as { rows: unknown[] }).rows.length} rows`);
  } finally {
    core.close();
    tmp.cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
