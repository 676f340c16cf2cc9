/**
 * 商品 CSV import at 100,000 rows (issue #17, target 2): the core's `csv:import` (decode, parse —
 * the plain-CSV reader, csv-parse from the first record it is unsure of —, check every row — the
 * fast cell rules, or the form's zod schema for a row they are unsure of —, one transaction of
 * upserts) beside a bare csv-parse of the same file, each phase in its own child
 * process (bench/lib/measure.ts), medians of interleaved runs after a warm-up. The measured import
 * goes into a database that nothing was written to before (a shop's first 商品 import). The subject
 * also reports where its time goes: reading (decode + parse + check, until the 'writing' progress
 * event) and writing (the transaction), and the longest the event loop was held while reading.
 * Target: import / bare ≤ 2.
 *
 * Run: npm run bench -- csv-import   or   npx tsx bench/csv-import.bench.ts [rows] [reps]
 * CSV_BENCH_FALLBACK=1 gives the first data row a 商品名 with text after its closing quote
 * ("商品1" 特選), so csv-parse reads the whole file as before the plain-CSV reader (its slowest
 * case); not part of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createCore } from '../src-main/core/create-core';
import { createMemoryLogger } from '../src-main/core/logging';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { productCsv } from './lib/product-csv';
import { interleaved, loadLine, median, phaseMain, REPS_DEFAULT, runPhase, spread, verdict, type PhaseResult } from './lib/measure';

const MIGRATIONS = join(__dirname, '..', 'drizzle');
const RATIO_LIMIT = 2;

/**
 * Rows read (on the import side: imported, into a data folder of its own) once unmeasured in each
 * child before the measured run, so lazy module loading and the JIT's first compilations are not
 * timed. 20 rows, as before, left the row loops to be optimised during the measured run, and the
 * 20 rows went into the measured database: its import was then one into a table already holding
 * rows, with a key lookup per row (bench/RESULTS.md, section 2, session 6).
 */
const WARM_UP_ROWS = 1000;
const warmUpCsv = (): Buffer => productCsv(WARM_UP_ROWS);

/** The file with text after the closing quote of its first data row's 商品名 (see the header). */
function withTextAfterQuote(csv: Buffer): Buffer {
  const text = csv.toString('utf8');
  const named = text.replace('"商品1 ①㈱髙～, 特選"', '"商品1" 特選');
  if (named === text) throw new Error('the first data row is not the one the bench expects');
  return Buffer.from(named, 'utf8');
}

async function child(phase: string, rows: number): Promise<void> {
  // the bare side always parses the plain file (csv-parse without relax_quotes refuses that cell)
  const bytes = phase === 'import' && process.env.CSV_BENCH_FALLBACK === '1' ? withTextAfterQuote(productCsv(rows)) : productCsv(rows);
  if (phase === 'bare') {
    parse(warmUpCsv().subarray(3).toString('utf8'), { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true });
    await phaseMain(() => {
      const records = parse(bytes.subarray(3).toString('utf8'), {
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
      }) as unknown[];
      if (records.length !== rows + 1) throw new Error(`bare parse read ${records.length} records`);
      return { records: records.length };
    });
    return;
  }
  const openCore = (dir: string) =>
    createCore({ dataDir: dir, migrationsDir: MIGRATIONS, logger: createMemoryLogger(), tokenStore: createMemoryTokenStore() });
  const warmDir = mkdtempSync(join(tmpdir(), 'csv-import-bench-warm-'));
  const dir = mkdtempSync(join(tmpdir(), 'csv-import-bench-'));
  const warmCore = await openCore(warmDir);
  const core = await openCore(dir);
  try {
    const warm = await warmCore.dispatch(
      'csv:import',
      { master: 'products', fileName: 'warm-up.csv', contentBase64: warmUpCsv().toString('base64'), jobId: 'bench-warm-up' },
      { via: 'test' },
    );
    if (!warm.ok) throw new Error(`warm-up import failed: ${JSON.stringify(warm.error).slice(0, 500)}`);
    warmCore.close();
    rmSync(warmDir, { recursive: true, force: true });
    const contentBase64 = bytes.toString('base64');
    let writingAt = 0;
    let longestStall = 0;
    let lastTurn = performance.now();
    let t0 = 0;
    // gaps between turns of the event loop until the file is read (the 'writing' progress event)
    const ticker = setInterval(() => {
      const now = performance.now();
      if (writingAt === 0) longestStall = Math.max(longestStall, now - lastTurn);
      lastTurn = now;
    }, 0);
    const off = core.events.subscribe((event, payload) => {
      if (event === 'csv:progressed' && (payload as { phase: string }).phase === 'writing' && writingAt === 0)
        writingAt = performance.now();
    });
    await phaseMain(async () => {
      t0 = performance.now();
      lastTurn = t0;
      const r = await core.dispatch(
        'csv:import',
        { master: 'products', fileName: 'bench.csv', contentBase64, jobId: 'bench-import' },
        { via: 'test' },
      );
      if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.error).slice(0, 500)}`);
      const end = performance.now();
      return { result: r.value, readMs: writingAt - t0, writeMs: end - writingAt, longestStallMs: longestStall };
    });
    clearInterval(ticker);
    off();
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(rows: number, reps: number): Promise<void> {
  const load0 = loadLine();
  const side = await interleaved(
    reps,
    () => runPhase(__filename, ['--phase', 'bare', String(rows)]),
    () => runPhase(__filename, ['--phase', 'import', String(rows)]),
  );
  const ms = (xs: PhaseResult[]) => xs.map((x) => x.ms);
  const num = (xs: PhaseResult[], k: string) => median(xs.map((x) => Number(x.info[k])));
  const rate = (m: number) => Math.round((rows / m) * 1000).toLocaleString('en-US');
  const s = median(ms(side.subject));
  const b = median(ms(side.baseline));
  const cpuS = median(side.subject.map((x) => x.cpuMs));
  const cpuB = median(side.baseline.map((x) => x.cpuMs));
  const lines = [
    `商品CSV ${rows.toLocaleString('en-US')} rows (UTF-8 BOM); median of ${reps} runs after a warm-up, bare and import interleaved, each in its own process`,
    `bare csv-parse: ${b.toFixed(0)} ms (${rate(b)} rows/s; runs ${spread(ms(side.baseline))})`,
    `core csv:import: ${s.toFixed(0)} ms (${rate(s)} rows/s; runs ${spread(ms(side.subject))})`,
    `  where it goes: reading (decode + parse + validate) ${num(side.subject, 'readMs').toFixed(0)} ms, writing (one transaction) ${num(side.subject, 'writeMs').toFixed(0)} ms`,
    `  longest event-loop stall while reading: ${num(side.subject, 'longestStallMs').toFixed(0)} ms`,
    `  CPU: import ${cpuS.toFixed(0)} ms vs bare ${cpuB.toFixed(0)} ms = ${(cpuS / cpuB).toFixed(2)}× (for reading a loaded run)`,
    verdict('import / bare csv-parse (medians)', s / b, RATIO_LIMIT, '×').line,
    `peak RSS: import ${Math.max(...side.subject.map((x) => x.peakRssMb)).toFixed(0)} MB, bare ${Math.max(...side.baseline.map((x) => x.peakRssMb)).toFixed(0)} MB`,
    `${load0} (start); ${loadLine()} (end)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[2] === '--phase') {
  child(process.argv[3]!, Number(process.argv[4])).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
} else {
  main(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? REPS_DEFAULT)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
