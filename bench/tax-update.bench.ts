/**
 * The one-time 消費税自動更新 at scale: 100,000 applications × 3 items × 2 options in a temp
 * SQLite database (real core, WAL, synchronous=FULL). Prints plan (load + pure plan + hash) and
 * apply (backup + one transaction that re-plans, writes the plan, the run and ~1.7 M change rows)
 * beside a bare UPDATE of the same rows in the same run, and the peak RSS.
 * Target: apply ≤ 5 s on this machine.
 *
 * Run: npx tsx bench/tax-update.bench.ts [applications]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { createMemoryLogger } from '../src-main/core/logging';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { computePlan } from '../src-main/core/tax-update/tax-update-service';
import { setStoreClosed } from '../test/helpers/store-mode';
import type { SubscriptionApplication } from '../src-shared/tax-update/types';
import { PRESET_2019 } from '../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../src-shared/tax-update/checklist';

const APPS = Number(process.argv[2] ?? 100_000);

function dataset(n: number): SubscriptionApplication[] {
  const apps: SubscriptionApplication[] = [];
  for (let i = 0; i < n; i++) {
    apps.push({
      code: `S${String(i).padStart(7, '0')}`,
      customerCode: `C${i % 500}`,
      status: '継続中',
      orderProcessed: false,
      standardRate: 8,
      reducedRate: 8,
      items: [0, 1, 2].map((k) => ({
        productCode: `P${(i * 3 + k) % 1000}`,
        variationH: '',
        variationV: '',
        name: `商品${k}`,
        quantity: 1 + (k % 3),
        firstPrice: 1000 + ((i * 7 + k * 13) % 9000),
        regularPrice: 980 + ((i * 11 + k) % 5000),
        lastPrice: 500 + ((i + k * 17) % 3000),
        taxIncluded: (i + k) % 4 !== 0,
        taxRateType: '標準' as const,
        options: [
          { name: 'ギフト包装', price: 300, taxIncluded: true, taxRateType: '標準' as const },
          { name: '定期割引', price: -100 - (i % 50), taxIncluded: true, taxRateType: '軽減' as const },
        ],
      })),
    });
  }
  return apps;
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => `${(x / 1000).toFixed(2)} s`;
/** CPU seconds since c0 (user + system): comparable even when other processes share the cores */
const cpu = (c0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tax-update-bench-'));
  try {
    const core = await createCore({ dataDir: dir, migrationsDir: join(__dirname, '..', 'drizzle'), logger: createMemoryLogger(), tokenStore: createMemoryTokenStore() });
    const now = core.services.ports.now();
    // 1,000 products, every tenth reduced-rate: those items move to 軽減 (step 1)
    const std = (core.db.prepare("select id from tax_classes where kind = '標準'").get() as { id: number }).id;
    const red = (core.db.prepare("select id from tax_classes where kind = '軽減'").get() as { id: number }).id;
    const ins = core.db.prepare('insert into products (code, name, tax_class_id, confirmed, created_at, updated_at) values (?, ?, ?, 1, ?, ?)');
    core.db.transaction(() => {
      for (let p = 0; p < 1000; p++) ins.run(`P${p}`, `商品${p}`, p % 10 === 0 ? red : std, now, now);
    })();

    let t0 = performance.now();
    // the generated input is dropped right after the import, so the peak below is the update's own
    const counts = core.services.repos.subscriptions.replaceAll(dataset(APPS), now);
    const importMs = ms(t0);
    setStoreClosed(core, true, now);

    const service = core.services.taxUpdate;
    let c0 = process.cpuUsage();
    t0 = performance.now();
    const preview = service.preview(PRESET_2019.id, 'round');
    const planMs = ms(t0);
    const planCpu = cpu(c0);
    const changes = preview.plan.changes.length;

    c0 = process.cpuUsage();
    t0 = performance.now();
    const run = await service.apply({ eventId: PRESET_2019.id, rounding: 'round', checked: TAX_UPDATE_CHECKLIST_IDS, understood: true, planHash: preview.hash });
    const applyMs = ms(t0);
    const applyCpu = cpu(c0);

    // the slow path: the same plan recomputed from the database (what apply does when anything was written after the preview)
    c0 = process.cpuUsage();
    t0 = performance.now();
    computePlan({ repos: core.services.repos, now: core.services.ports.now }, PRESET_2019.id, 'floor');
    const replanMs = ms(t0);
    const replanCpu = cpu(c0);

    // baseline: one transaction that touches the same rows with bare UPDATEs (no plan, no change list)
    c0 = process.cpuUsage();
    t0 = performance.now();
    core.db.transaction(() => {
      core.db.prepare('update subscription_applications set standard_rate = standard_rate + 0, updated_at = ?').run(now);
      core.db.prepare('update subscription_items set first_price = first_price + 1, regular_price = regular_price + 1, last_price = last_price + 1').run();
      core.db.prepare('update subscription_options set price = price + 1').run();
    })();
    const bareMs = ms(t0);
    const bareCpu = cpu(c0);
    core.close();

    const peakMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      [
        `applications ${counts.applications.toLocaleString()} / items ${counts.items.toLocaleString()} / options ${counts.options.toLocaleString()} (import ${fmt(importMs)})`,
        `preview (load + plan + hash): ${fmt(planMs)} wall, ${fmt(planCpu)} CPU — ${run.targets.toLocaleString()} targets, ${changes.toLocaleString()} changes, ${run.changedPrices.toLocaleString()} changed prices`,
        `apply after the preview (backup + one transaction: rows, run, ${changes.toLocaleString()} change rows, admin log): ${fmt(applyMs)} wall, ${fmt(applyCpu)} CPU  [target ≤ 5 s: ${applyMs <= 5000 ? 'met' : 'MISSED'}]`,
        `re-plan inside apply when the data changed since the preview (load + plan + hash): +${fmt(replanMs)} wall, ${fmt(replanCpu)} CPU`,
        `bare UPDATE of the same rows (one transaction, set-based): ${fmt(bareMs)} wall, ${fmt(bareCpu)} CPU  → apply / bare = ${(applyMs / bareMs).toFixed(1)}× wall`,
        `load average during the run: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (on ${cpus().length} cores)`,
        `peak RSS: ${peakMb.toFixed(0)} MB`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
