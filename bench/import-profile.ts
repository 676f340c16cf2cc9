/**
 * Where the import's local part spends its time (bench/RESULTS.md, section 3): on the bench's shop, in
 * one process, rounds of (masters + mapping, transaction) on fresh books beside the bare insert,
 * with the CPU and the garbage-collection time (a `gc` PerformanceObserver) of each step.
 * Run: node --import tsx --expose-gc bench/import-profile.ts [rounds]   (add --cpu-prof for a profile)
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { createBcartClient } from '../src-main/core/bcart/client';
import { createCore, type Core } from '../src-main/core/create-core';
import { loadImportMasters } from '../src-main/core/import/load-import-masters';
import { mapOrdersForImport } from '../src-main/core/import/mapping';
import { writeImportPlan } from '../src-main/core/import/write-import-plan';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { systemClock, systemTimers, type Logger } from '../src-main/core/ports';
import type { RunningSimulator } from '../src-main/simulator';
import { jstDateOf } from '../src-shared/domain/jst-date';
import { makeTempDir } from '../test/helpers/temp-dir';
import { seedImportBooks } from '../test/integration/import/import-fixture';
import { bareInsert } from './lib/import-bare-insert';
import { startShop } from './lib/import-shop';
import { loadLine, median } from './lib/measure';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const ROUNDS = Number(process.argv[2] ?? 7);
let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    gcCount++;
  }
}).observe({ entryTypes: ['gc'] });

async function books(sim: RunningSimulator, from: string): Promise<{ core: Core; settingId: number; done: () => void }> {
  const tmp = makeTempDir('bcart-prof-');
  const core = await createCore({ dataDir: tmp.dir, migrationsDir: join(__dirname, '..', 'drizzle'), logger: silent, tokenStore: createMemoryTokenStore() });
  const { settingId } = await seedImportBooks(core.db, core.services.bcart, sim, from);
  return { core, settingId, done: () => (core.close(), tmp.cleanup()) };
}

const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
/** GC entries arrive asynchronously: let the observer catch up before reading the counter */
const settle = () => new Promise((r) => setTimeout(r, 20));

async function main(): Promise<void> {
  const { sim, from, today } = await startShop(jstDateOf(Date.now()));
  const client = createBcartClient({ baseUrl: sim.url, getAccessToken: async () => sim.token, fetch: (u, i) => fetch(u, i), clock: systemClock, timers: systemTimers, logger: silent });
  const orders = await client.listOrders({ orderedFrom: from, orderedTo: today });
  const masters = (c: Core, settingId: number) =>
    loadImportMasters(c.services.repos, settingId, { orderIds: orders.map((o) => o.id), logisticsIds: orders.flatMap((o) => o.logistics.map((l) => l.id)) });
  const run = (c: Core, settingId: number, now: string) =>
    c.services.repos.importRuns.createRun({ settingId, trigger: 'cli', dryRun: false, windowFrom: from, windowTo: today, startedAt: now });
  const ref = await books(sim, from);
  const plan = mapOrdersForImport(orders, masters(ref.core, ref.settingId));
  ref.done();
  const rows: { masters: number; map: number; mapGc: number; write: number; writeGc: number; bare: number; bareGc: number }[] = [];
  for (let r = -1; r < ROUNDS; r++) {
    const a = await books(sim, from);
    const now = a.core.services.ports.now();
    const runId = run(a.core, a.settingId, now);
    global.gc?.();
    await settle();
    let g0 = gcMs;
    const c0 = process.cpuUsage();
    const snapshot = masters(a.core, a.settingId);
    const cm = process.cpuUsage();
    const own = mapOrdersForImport(orders, snapshot);
    const c1 = process.cpuUsage();
    await settle();
    const mapGc = gcMs - g0;
    g0 = gcMs;
    const c2 = process.cpuUsage();
    // SUBJECT_WRITE=bare: the bare insert of the plan just built (what a fresh plan costs the write)
    if (process.env.SUBJECT_WRITE === 'bare') bareInsert(a.core, a.settingId, own, runId, now);
    else if (process.env.SUBJECT_WRITE === 'insert') a.core.services.repos.transaction(() => a.core.services.repos.slips.insertImported(a.settingId, runId, own, now), { immediate: true });
    else writeImportPlan(a.core.services.repos, { settingId: a.settingId, runId, plan: own, cursor: today, now, apiCalls: 0, logs: [] });
    const c3 = process.cpuUsage();
    await settle();
    const writeGc = gcMs - g0;
    a.done();
    const b = await books(sim, from);
    const bnow = b.core.services.ports.now();
    const brun = run(b.core, b.settingId, bnow);
    global.gc?.();
    await settle();
    g0 = gcMs;
    const c4 = process.cpuUsage();
    bareInsert(b.core, b.settingId, plan, brun, bnow);
    const c5 = process.cpuUsage();
    await settle();
    const bareGc = gcMs - g0;
    b.done();
    if (r >= 0) rows.push({ masters: cpu(c0, cm), map: cpu(c0, c1), mapGc, write: cpu(c2, c3), writeGc, bare: cpu(c4, c5), bareGc });
  }
  await sim.close();
  const m = (k: keyof (typeof rows)[number]) => median(rows.map((x) => x[k])).toFixed(0);
  console.log(`CPU medians of ${ROUNDS} rounds (ms): masters+mapping ${m('map')} (masters ${m('masters')}; GC ${m('mapGc')}), transaction ${m('write')} (GC ${m('writeGc')}), bare ${m('bare')} (GC ${m('bareGc')}); gc events ${gcCount}`);
  console.log(`  ratios: mapping/bare ${(Number(m('map')) / Number(m('bare'))).toFixed(2)}, transaction/bare ${(Number(m('write')) / Number(m('bare'))).toFixed(2)}, local/bare ${((Number(m('map')) + Number(m('write'))) / Number(m('bare'))).toFixed(2)}`);
  console.log(`  ${loadLine()}`);
  const g = globalThis as { __T?: number[][]; __W?: number[] };
  if (g.__T) for (let i = 0; i < g.__T.length; i++) console.log('  steps (insert, watch, reviews+cursor, closeRun+late, logs) ms', g.__T[i]!.map((x) => x.toFixed(1)).join(' '), 'whole', g.__W![i]!.toFixed(1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
