/**
 * Profile driver for the 商品 CSV import (not a bench: no ratio). Imports the bench's file of N
 * rows into a fresh database R times in one process and prints the phases of each run, so
 * `CSV_PROFILE=/tmp/p.cpuprofile npx tsx bench/csv-import-profile.ts 30000 3` shows where warm runs spend.
 */
import { Session } from 'node:inspector/promises';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { createMemoryLogger } from '../src-main/core/logging';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { productCsv } from './lib/product-csv';

async function run(rows: number, reps: number): Promise<void> {
  const contentBase64 = productCsv(rows).toString('base64');
  for (let r = 0; r < reps; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'csv-import-profile-'));
    const core = await createCore({ dataDir: dir, migrationsDir: join(__dirname, '..', 'drizzle'), logger: createMemoryLogger(), tokenStore: createMemoryTokenStore() });
    if (process.env.CSV_PRAGMA) core.db.pragma(process.env.CSV_PRAGMA);
    let writingAt = 0;
    let readCpu = 0;
    let cpu0 = process.cpuUsage();
    const off = core.events.subscribe((event, payload) => {
      if (event === 'csv:progressed' && (payload as { phase: string }).phase === 'writing' && writingAt === 0) {
        writingAt = performance.now();
        const c = process.cpuUsage(cpu0);
        readCpu = (c.user + c.system) / 1000;
      }
    });
    // the last run is profiled alone (after warm runs, without start-up) when CSV_PROFILE names a file
    const session = process.env.CSV_PROFILE && r === reps - 1 ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    }
    cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await core.dispatch('csv:import', { master: 'products', fileName: 'p.csv', contentBase64, jobId: `profile-${r}` }, { via: 'test' });
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(process.env.CSV_PROFILE!, JSON.stringify(profile));
      session.disconnect();
    }
    if (!res.ok) throw new Error(JSON.stringify(res.error).slice(0, 400));
    process.stdout.write(`run ${r}: total ${(t1 - t0).toFixed(0)} ms, read ${(writingAt - t0).toFixed(0)} ms, write ${(t1 - writingAt).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (read ${readCpu.toFixed(0)}, write ${((cpu.user + cpu.system) / 1000 - readCpu).toFixed(0)})\n`);
    off();
    if (process.env.CSV_WAL) process.stdout.write(`  wal ${(statSync(join(dir, 'bcart-desk.sqlite3-wal'), { throwIfNoEntry: false })?.size ?? -1) / 1e6} MB; files ${readdirSync(dir).join(' ')}\n`);
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void run(Number(process.argv[2] ?? 30_000), Number(process.argv[3] ?? 3));
