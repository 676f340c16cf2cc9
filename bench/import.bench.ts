/**
 * 出荷取込処理 benchmark: 10,000 orders / 40,000 goods lines from the simulator (limiter off) in one
 * 7-day window.
 * Prints: end-to-end time of one run (fetch + mapping + one transaction); the local part (masters
 * snapshot + mapping + transaction) beside a bare better-sqlite3 insert of the very same rows in one
 * transaction, interleaved over several repetitions on fresh databases (target ratio ≤ 2.0); peak RSS;
 * API calls beside the minimum ceil(orders / 100).
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
import { startSimulator, SUPPORTED_PAYMENTS, type RunningSimulator } from '../src-main/simulator';
import { addDays, jstDateOf } from '../src-shared/domain/jst-date';
import { makeTempDir } from '../test/helpers/temp-dir';
import { seedImportBooks } from '../test/integration/import/import-fixture';

const ORDERS = 10_000;
const REPS = Number(process.argv[2] ?? 5);
const MIGRATIONS = join(__dirname, '..', 'drizzle');

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

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

/** The same rows writeImportPlan writes, inserted with plain prepared statements and no mapping. */
function bareInsert(core: Core, settingId: number, plan: ImportPlan, runId: number, now: string): void {
  const db = core.db;
  const shipment = db.prepare(
    `insert into shipments (ec_setting_id, department_id, warehouse_id, customer_id, date, workflow_id, confirmed, amount, bcart_order_id, bcart_order_code, bcart_logistics_id, import_run_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = db.prepare(
    `insert into shipment_lines (shipment_id, line_no, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included, bcart_order_product_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const stock = db.prepare(
    `insert into stock_ledger (warehouse_id, product_id, quantity, source_type, source_id, date, created_at) values (?, ?, ?, 'shipment', ?, ?, ?)`,
  );
  const invoice = db.prepare(
    `insert into invoices (ec_setting_id, department_id, customer_id, date, workflow_id, confirmed, total, bcart_order_id, bcart_order_code, import_run_id, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
  );
  const invLine = db.prepare(
    `insert into invoice_lines (invoice_id, line_no, kind, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tax = db.prepare(`insert into invoice_tax_totals (invoice_id, rate, net, tax, gross, app_tax) values (?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const d of plan.shipments) {
      const id = shipment.run(
        settingId,
        d.departmentId,
        d.warehouseId,
        d.customerId,
        d.date,
        d.workflowId,
        d.amount,
        d.bcartOrderId,
        d.bcartOrderCode,
        d.bcartLogisticsId,
        runId,
        now,
        now,
      ).lastInsertRowid;
      let n = 0;
      for (const l of d.lines) {
        line.run(
          id,
          ++n,
          l.productId,
          l.quantity,
          l.unitPrice,
          l.amount,
          l.taxClassId,
          l.taxRate,
          l.taxIncluded ? 1 : 0,
          l.bcartOrderProductId,
        );
        if (l.inventoryTracked) stock.run(d.warehouseId, l.productId, -l.quantity, id, d.date, now);
      }
    }
    for (const inv of plan.invoices) {
      const id = invoice.run(
        settingId,
        inv.departmentId,
        inv.customerId,
        inv.date,
        inv.workflowId,
        inv.total,
        inv.bcartOrderId,
        inv.bcartOrderCode,
        runId,
        now,
        now,
      ).lastInsertRowid;
      let n = 0;
      for (const l of inv.lines)
        invLine.run(id, ++n, l.kind, l.productId, l.quantity, l.unitPrice, l.amount, l.taxClassId, l.taxRate, l.taxIncluded ? 1 : 0);
      for (const t of inv.byRate) tax.run(id, t.rate, t.net, t.tax, t.gross, t.tax);
    }
  }).immediate();
}

async function main(): Promise<void> {
  const today = jstDateOf(Date.now());
  const from = addDays(today, -6);
  const sim = await startSimulator({ seed: 5, orders: 0, fromDate: from, toDate: today, rateLimit: false, includeUnsupported: false });
  // 10,000 orders of 4 goods lines each over the window: 90 % shipped, 10 % still waiting
  const members = sim.state.customers.filter((c) => c.ext_id !== '');
  for (let i = 0; i < ORDERS; i++) {
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
  const lines = sim.state.allOrderProducts().filter((p) => p.item_type === 'product').length;

  // ---- end to end: one run, peak RSS sampled meanwhile ----
  const e2e = await freshBooks(sim, from);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const requestsBefore = sim.requestCount();
  const t0 = performance.now();
  const outcome = await e2e.core.services.imports.run({ settingId: e2e.settingId, dryRun: false, trigger: 'cli' });
  const e2eMs = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const apiCalls = sim.requestCount() - requestsBefore;
  if (outcome.status !== 'succeeded') throw new Error(`import failed: ${outcome.message}`);
  e2e.cleanup();

  // ---- local part vs bare insert, interleaved on fresh databases ----
  const client = createBcartClient({
    baseUrl: sim.url,
    getAccessToken: async () => sim.token,
    fetch: (u, i) => fetch(u, i),
    clock: systemClock,
    timers: systemTimers,
    logger: silent,
  });
  const orders = await client.listOrders({ orderedFrom: from, orderedTo: today });
  const mapMs: number[] = [];
  const writeMs: number[] = [];
  const localMs: number[] = [];
  const bareMs: number[] = [];
  let plan: ImportPlan | null = null;
  // one unmeasured round first, so both sides are compared with warm JIT and page cache
  for (let r = -1; r < REPS; r++) {
    const a = await freshBooks(sim, from);
    const now = a.core.services.ports.now();
    const runId = a.core.services.repos.importRuns.createRun({
      settingId: a.settingId,
      trigger: 'cli',
      dryRun: false,
      windowFrom: from,
      windowTo: today,
      startedAt: now,
    });
    (globalThis as { gc?: () => void }).gc?.();
    const s = performance.now();
    const masters = loadImportMasters(a.core.services.repos, a.settingId, {
      orderIds: orders.map((o) => o.id),
      logisticsIds: orders.flatMap((o) => o.logistics.map((l) => l.id)),
    });
    plan = mapOrdersForImport(orders, masters);
    const m = performance.now();
    writeImportPlan(a.core.services.repos, { settingId: a.settingId, runId, plan, cursor: today, now, apiCalls: 0, logs: [] });
    const w = performance.now();
    if (r >= 0) {
      mapMs.push(m - s);
      writeMs.push(w - m);
      localMs.push(w - s);
    }
    a.cleanup();

    const b = await freshBooks(sim, from);
    const bRun = b.core.services.repos.importRuns.createRun({
      settingId: b.settingId,
      trigger: 'cli',
      dryRun: false,
      windowFrom: from,
      windowTo: today,
      startedAt: now,
    });
    (globalThis as { gc?: () => void }).gc?.();
    const bs = performance.now();
    bareInsert(b.core, b.settingId, plan, bRun, now);
    if (r >= 0) bareMs.push(performance.now() - bs);
    b.cleanup();
  }
  await sim.close();

  const minimum = Math.ceil(ORDERS / 100);
  const ratio = median(localMs) / median(bareMs);
  const p = plan!.summary;
  console.log(`shop: ${ORDERS} orders, ${lines} goods lines (simulator, limiter off, one 7-day window)`);
  console.log(`plan: ${p.shipments} 出荷伝票 / ${p.lines} lines, ${p.invoices} 請求伝票, ${p.warnings} warnings, ${p.errors} errors`);
  console.log(`end-to-end (fetch + map + one transaction): ${(e2eMs / 1000).toFixed(2)} s`);
  console.log(`API calls: ${apiCalls} (minimum ceil(orders/100) = ${minimum}; ${(apiCalls / minimum).toFixed(2)}×)`);
  console.log(`peak RSS during the run (simulator in the same process): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(
    `local part, median of ${REPS}: masters+mapping ${median(mapMs).toFixed(0)} ms + transaction ${median(writeMs).toFixed(0)} ms = ${median(localMs).toFixed(0)} ms`,
  );
  console.log(`bare better-sqlite3 insert of the same rows, median of ${REPS}: ${median(bareMs).toFixed(0)} ms`);
  console.log(`ratio local / bare: ${ratio.toFixed(2)} (target ≤ 2.0) ${ratio <= 2 ? 'OK' : 'OVER TARGET'}`);
  process.exitCode = ratio <= 2 ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
