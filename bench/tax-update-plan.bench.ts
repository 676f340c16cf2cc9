/**
 * Benchmark of the tax-update plan (preview) at the largest size the app is built for:
 * 100,000 applications × 3 items × 2 options, 2019 preset, 四捨五入.
 * Prints the pure in-memory plan's time (the oracle the streamed engine is tested against) beside a
 * bare loop doing the same bigint re-rating of the same prices, medians of interleaved runs after a
 * warm-up, so a regression in the plan's overhead (objects, change list, sale prices) shows. The
 * app's figures (streamed preview and apply, peak RSS) are bench/tax-update.bench.ts.
 * Run: npx tsx bench/tax-update-plan.bench.ts [applications]
 */
import { performance } from 'node:perf_hooks';
import { divRound } from '../src-shared/domain/rounding';
import { planTaxUpdate } from '../src-shared/tax-update/plan';
import { PRESET_2019, type ProductTaxLookup, type SubscriptionApplication } from '../src-shared/tax-update/types';
import { interleaved, loadLine, median, REPS_DEFAULT, spread } from './lib/measure';

const APPS = Number(process.argv[2] ?? 100_000);

/** deterministic pseudo-random numbers (LCG), so every run measures the same data */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

function generate(n: number): SubscriptionApplication[] {
  const rnd = lcg(42);
  const apps: SubscriptionApplication[] = [];
  for (let a = 0; a < n; a++) {
    const items = [];
    for (let i = 0; i < 3; i++) {
      items.push({
        productCode: `P${rnd() % 5000}`,
        variationH: String(rnd() % 3),
        variationV: '',
        name: '定期便 商品',
        quantity: 1 + (rnd() % 5),
        firstPrice: rnd() % 20_000,
        regularPrice: rnd() % 20_000,
        lastPrice: rnd() % 20_000,
        taxIncluded: rnd() % 4 !== 0,
        taxRateType: '標準' as const,
        options: [
          { name: 'ギフト包装', price: rnd() % 1000, taxIncluded: rnd() % 2 === 0, taxRateType: '標準' as const },
          { name: '定期割引', price: -(rnd() % 500), taxIncluded: true, taxRateType: '標準' as const },
        ],
      });
    }
    apps.push({
      code: `S${String(a).padStart(7, '0')}`,
      customerCode: `C${rnd() % 1000}`,
      status: rnd() % 10 === 0 ? '停止' : '継続中',
      orderProcessed: rnd() % 20 === 0,
      standardRate: 8,
      reducedRate: 8,
      items,
    });
  }
  return apps;
}

// every 5th product is a reduced-rate food item in the master, every 50th was deleted
const lookup: ProductTaxLookup = (code) => {
  const n = Number(code.slice(1));
  return n % 50 === 0 ? null : n % 5 === 0 ? '軽減' : '標準';
};

/** The bare work: the same bigint multiply / divRound over every price of the targets. */
function baseline(apps: readonly SubscriptionApplication[]): bigint {
  let checksum = 0n;
  for (const app of apps) {
    if (app.status !== '継続中' || app.orderProcessed || app.standardRate !== 8) continue;
    for (const it of app.items) {
      checksum += divRound(BigInt(it.firstPrice) * 110n, 108n, 'round');
      checksum += divRound(BigInt(it.regularPrice) * 110n, 108n, 'round');
      checksum += divRound(BigInt(it.lastPrice) * 110n, 108n, 'round');
      for (const o of it.options) checksum += divRound(BigInt(o.price) * 110n, 108n, 'round');
    }
  }
  return checksum;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const apps = generate(APPS);
  console.log(`generated ${APPS.toLocaleString('en')} applications × 3 items × 2 options in ${(performance.now() - t0).toFixed(0)} ms`);
  let checksum = 0n;
  let last: ReturnType<typeof planTaxUpdate> | undefined;
  const timed = (fn: () => void): number => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  const runs = await interleaved(
    REPS_DEFAULT,
    () => timed(() => (checksum = baseline(apps))),
    () => {
      last = undefined; // let the previous plan be collected
      return timed(() => (last = planTaxUpdate(apps, PRESET_2019, lookup, 'round')));
    },
  );
  const planMs = median(runs.subject);
  const baseMs = median(runs.baseline);
  console.log(`baseline bigint loop: ${baseMs.toFixed(0)} ms (median; runs ${spread(runs.baseline)}), checksum ${checksum}`);
  console.log(`planTaxUpdate (in memory): ${planMs.toFixed(0)} ms (median; runs ${spread(runs.subject)})`);
  console.log(
    `plan: ${last?.targets.toLocaleString('en')} targets, ${last?.changes.length.toLocaleString('en')} changes, ${last?.totals.changedPrices.toLocaleString('en')} changed prices`,
  );
  // no target: the in-memory plan is the oracle of the streamed engine (its figures are tax-update.bench.ts);
  // this ratio shows the cost of the plan's objects over the bare arithmetic
  console.log(`ratio plan / baseline (medians): ${(planMs / baseMs).toFixed(1)}× (information, no target)`);
  console.log(loadLine());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
