/**
 * Heap the import plan of the bench's shop keeps (bench/RESULTS.md, section 3): heapUsed after a full GC
 * with the plan alive minus without it, and the GC time of building it.
 * Run: node --import tsx --expose-gc bench/import-plan-size.ts
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { createBcartClient } from '../src-main/core/bcart/client';
import { createCore } from '../src-main/core/create-core';
import { loadImportMasters } from '../src-main/core/import/load-import-masters';
import { mapOrdersForImport } from '../src-main/core/import/mapping';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { systemClock, systemTimers, type Logger } from '../src-main/core/ports';
import { jstDateOf } from '../src-shared/domain/jst-date';
import { makeTempDir } from '../test/helpers/temp-dir';
import { seedImportBooks } from '../test/integration/import/import-fixture';
import { startShop } from './lib/import-shop';
import { median } from './lib/measure';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
let gcMs = 0;
new PerformanceObserver((l) => l.getEntries().forEach((e) => (gcMs += e.duration))).observe({ entryTypes: ['gc'] });
const gc = () => (globalThis as { gc?: () => void }).gc!();
const settle = () => new Promise((r) => setTimeout(r, 20));

async function main(): Promise<void> {
  const { sim, from, today } = await startShop(jstDateOf(Date.now()));
  const client = createBcartClient({ baseUrl: sim.url, getAccessToken: async () => sim.token, fetch: (u, i) => fetch(u, i), clock: systemClock, timers: systemTimers, logger: silent });
  const orders = await client.listOrders({ orderedFrom: from, orderedTo: today });
  const tmp = makeTempDir('bcart-size-');
  const core = await createCore({ dataDir: tmp.dir, migrationsDir: join(__dirname, '..', 'drizzle'), logger: silent, tokenStore: createMemoryTokenStore() });
  const { settingId } = await seedImportBooks(core.db, core.services.bcart, sim, from);
  const masters = loadImportMasters(core.services.repos, settingId, { orderIds: orders.map((o) => o.id), logisticsIds: orders.flatMap((o) => o.logistics.map((l) => l.id)) });
  const sizes: number[] = [];
  const gcs: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < 8; r++) {
    gc();
    await settle();
    const before = process.memoryUsage().heapUsed;
    const g0 = gcMs;
    const c0 = process.cpuUsage();
    let plan: unknown = mapOrdersForImport(orders, masters);
    const c = process.cpuUsage(c0);
    await settle();
    gcs.push(gcMs - g0);
    cpus.push((c.user + c.system) / 1000);
    gc();
    sizes.push(process.memoryUsage().heapUsed - before);
    if (plan === null) console.log(plan);
    plan = null;
  }
  console.log(`plan kept: ${(median(sizes) / 1e6).toFixed(1)} MB; mapping CPU ${median(cpus).toFixed(0)} ms, GC during it ${median(gcs).toFixed(0)} ms (medians of 8)`);
  core.close();
  tmp.cleanup();
  await sim.close();
}
void main();
