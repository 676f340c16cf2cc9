/**
 * 出荷取込処理 benchmark: 10,000 orders / 40,000 goods lines from the simulator (limiter off) in one
 * 7-day window.
 * Prints (bench/lib/measure.ts rules: medians of runs after a warm-up): end-to-end time (fetch +
 * mapping + one transaction), each run in its own process so its peak RSS is its own, with its API
 * calls beside the minimum ceil(orders / 100); the local part (masters snapshot + mapping +
 * transaction) beside a bare better-sqlite3 insert of the very same rows in one transaction,
 * interleaved on fresh databases (issue #17: target ratio ≤ 1.5).
 *
 * Run: node --import tsx --expose-gc bench/import.bench.ts [reps]   (or npm run bench -- import)
 */
import { join } from 'node:path';
import { createBcartClient } from '../src-main/core/bcart/client';
import { createCore, type Core } from '../src-main/core/create-core';
import { loadImportMasters } from '../src-main/core/import/load-import-masters';
import { mapOrdersForImport, type ImportPlan } from '../src-main/core/import/mapping';
import { writeImportPlan } from '../src-main/core/import/write-import-plan';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { systemClock, systemTimers, type Logger } from '../src-main/core/ports';
import type { RunningSimulator } from '../src-main/simulator';
import { jstDateOf } from '../src-shared/domain/jst-date';
import { makeTempDir } from '../test/helpers/temp-dir';
import { bareInsert } from './lib/import-bare-insert';
import { SHOP_ORDERS as ORDERS, startShop } from './lib/import-shop';
import { interleaved, loadLine, median, phaseMain, runPhase, spread, verdict, type PhaseResult } from './lib/measure';
import { seedImportBooks } from '../test/integration/import/import-fixture';

const REPS = Number(process.argv[2] ?? 5);
const MIGRATIONS = join(__dirname, '..', 'drizzle');

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

async function freshBooks(sim: RunningSimulator, from: string): Promise<{ core: Core; settingId: number; cleanup: () => void }> {
  const tmp = makeTempDir('bcart-bench-');
  const core = await createCore({ dataDir: tmp.dir, migrationsDir: MIGRATIONS, logger: silent, tokenStore: createMemoryTokenStore() });
  const { settingId } = await seedImportBooks(core.db, core.services.bcart, sim, from);
  return {
    core,
    settingId,
    cleanup: () => {
      core.close();
      tmp.cleanup();
    },
  };
}

/** Child: one end-to-end run (fetch + map + one transaction) on fresh books; its peak RSS includes the simulator's shop. */
async function e2eChild(): Promise<void> {
  const { sim, from } = await startShop(jstDateOf(Date.now()));
  const e2e = await freshBooks(sim, from);
  const requestsBefore = sim.requestCount();
  await phaseMain(async () => {
    const outcome = await e2e.core.services.imports.run({ settingId: e2e.settingId, dryRun: false, trigger: 'cli' });
    if (outcome.status !== 'succeeded') throw new Error(`import failed: ${outcome.message}`);
    return { apiCalls: sim.requestCount() - requestsBefore };
  });
  e2e.cleanup();
  await sim.close();
}

interface LocalRun {
  ms: number;
  cpuMs: number;
  mapMs: number;
  writeMs: number;
  /** CPU of masters + mapping, and of the transaction (a loaded machine stretches wall times) */
  mapCpuMs: number;
  writeCpuMs: number;
}

async function main(): Promise<void> {
  const load0 = loadLine();
  const e2eRuns: PhaseResult[] = [];
  for (let r = -1; r < REPS; r++) {
    const one = runPhase(__filename, ['--phase', 'e2e']);
    if (r >= 0) e2eRuns.push(one);
  }

  // ---- local part vs bare insert, interleaved on fresh databases ----
  const { sim, from, today } = await startShop(jstDateOf(Date.now()));
  const lines = sim.state.allOrderProducts().filter((p) => p.item_type === 'product').length;
  const client = createBcartClient({
    baseUrl: sim.url,
    getAccessToken: async () => sim.token,
    fetch: (u, i) => fetch(u, i),
    clock: systemClock,
    timers: systemTimers,
    logger: silent,
  });
  const orders = await client.listOrders({ orderedFrom: from, orderedTo: today });
  const newRun = (c: Core, settingId: number, now: string) =>
    c.services.repos.importRuns.createRun({ settingId, trigger: 'cli', dryRun: false, windowFrom: from, windowTo: today, startedAt: now });
  const mastersOf = (c: Core, settingId: number) =>
    loadImportMasters(c.services.repos, settingId, {
      orderIds: orders.map((o) => o.id),
      logisticsIds: orders.flatMap((o) => o.logistics.map((l) => l.id)),
    });
  // the rows the bare side writes: the plan of the same orders on books seeded the same way
  const ref = await freshBooks(sim, from);
  const plan: ImportPlan = mapOrdersForImport(orders, mastersOf(ref.core, ref.settingId));
  ref.cleanup();

  const runs = await interleaved<LocalRun>(
    REPS,
    async () => {
      const b = await freshBooks(sim, from);
      const now = b.core.services.ports.now();
      const runId = newRun(b.core, b.settingId, now);
      (globalThis as { gc?: () => void }).gc?.();
      const c0 = process.cpuUsage();
      const s = performance.now();
      bareInsert(b.core, b.settingId, plan, runId, now);
      const ms = performance.now() - s;
      const c = process.cpuUsage(c0);
      b.cleanup();
      return { ms, cpuMs: (c.user + c.system) / 1000, mapMs: 0, writeMs: ms, mapCpuMs: 0, writeCpuMs: (c.user + c.system) / 1000 };
    },
    async () => {
      const a = await freshBooks(sim, from);
      const now = a.core.services.ports.now();
      const runId = newRun(a.core, a.settingId, now);
      (globalThis as { gc?: () => void }).gc?.();
      const c0 = process.cpuUsage();
      const s = performance.now();
      const own = mapOrdersForImport(orders, mastersOf(a.core, a.settingId));
      const m = performance.now();
      const cm = process.cpuUsage(c0);
      writeImportPlan(a.core.services.repos, { settingId: a.settingId, runId, plan: own, cursor: today, now, apiCalls: 0, logs: [] });
      const w = performance.now();
      const c = process.cpuUsage(c0);
      a.cleanup();
      return {
        ms: w - s,
        cpuMs: (c.user + c.system) / 1000,
        mapMs: m - s,
        writeMs: w - m,
        mapCpuMs: (cm.user + cm.system) / 1000,
        writeCpuMs: (c.user + c.system - cm.user - cm.system) / 1000,
      };
    },
  );
  await sim.close();

  const minimum = Math.ceil(ORDERS / 100);
  const med = (xs: LocalRun[], k: keyof LocalRun) => median(xs.map((x) => x[k]));
  const ratio = med(runs.subject, 'ms') / med(runs.baseline, 'ms');
  const apiCalls = median(e2eRuns.map((x) => Number(x.info.apiCalls)));
  const p = plan.summary;
  const out = [
    `shop: ${ORDERS} orders, ${lines} goods lines (simulator, limiter off, one 7-day window); medians of ${REPS} runs after a warm-up`,
    `plan: ${p.shipments} 出荷伝票 / ${p.lines} lines, ${p.invoices} 請求伝票, ${p.warnings} warnings, ${p.errors} errors`,
    `end-to-end (fetch + map + one transaction, own process each): ${(median(e2eRuns.map((x) => x.ms)) / 1000).toFixed(2)} s (runs ${spread(
      e2eRuns.map((x) => x.ms / 1000),
      2,
    )})`,
    verdict(`  API calls (minimum ceil(orders/100) = ${minimum})`, apiCalls, minimum, ' calls', 0).line,
    `  peak RSS of the end-to-end child (the simulator's shop in the same process): ${Math.max(...e2eRuns.map((x) => x.peakRssMb)).toFixed(0)} MB`,
    `local part: masters+mapping ${med(runs.subject, 'mapMs').toFixed(0)} ms + transaction ${med(runs.subject, 'writeMs').toFixed(0)} ms = ${med(runs.subject, 'ms').toFixed(0)} ms (runs ${spread(runs.subject.map((x) => x.ms))})`,
    `bare better-sqlite3 insert of the same rows: ${med(runs.baseline, 'ms').toFixed(0)} ms (runs ${spread(runs.baseline.map((x) => x.ms))})`,
    `  CPU of the local part: masters+mapping ${med(runs.subject, 'mapCpuMs').toFixed(0)} ms + transaction ${med(runs.subject, 'writeCpuMs').toFixed(0)} ms`,
    `  CPU: local ${med(runs.subject, 'cpuMs').toFixed(0)} ms vs bare ${med(runs.baseline, 'cpuMs').toFixed(0)} ms = ${(med(runs.subject, 'cpuMs') / med(runs.baseline, 'cpuMs')).toFixed(2)}× (for reading a loaded run)`,
    verdict('local / bare (medians)', ratio, 1.5, '×').line,
    `${load0} (start); ${loadLine()} (end)`,
  ];
  console.log(out.join('\n'));
}

if (process.argv[2] === '--phase') {
  e2eChild().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
