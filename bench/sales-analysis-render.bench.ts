/**
 * 売上分析 first render in Chromium at 100,000 slips (issue #14): the app's built renderer served by
 * the harness (the same core, IPC over HTTP on 127.0.0.1) in Debian Chromium through playwright-core.
 * For each view, the time from the user's action to the view's table (every row) and chart (a drawn
 * canvas) being on the page:
 *  - 月別: clicking 売上分析 in the menu (the page opens on 月別);
 *  - 得意先別 / 商品別 / 部門別 / チャネル別: choosing it in 集計単位 on the open page.
 * Each measurement starts from a freshly loaded app (nothing cached in the page's query cache).
 * Baselines measured in the same run:
 *  - the same action on an empty data folder (the page's own cost: navigation, IPC round trip, React
 *    render of the 合計 and the empty message) — interleaved with the subject (bench/lib/measure.ts);
 *  - the bare SQL aggregate of the same lines (bench/lib/sales-analysis-data.ts) and the core's
 *    analysis:sales alone, timed in Node, so the share of the render that is the query shows.
 * There is no target for these figures; the ratios are what to compare between runs.
 * Run: npx tsx bench/sales-analysis-render.bench.ts [slips]   (builds dist/renderer first)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { ANALYSIS_DIMENSIONS, DIMENSION_LABELS, type AnalysisDimension } from '../src-shared/analysis/sales-analysis';
import { jstDateOf } from '../src-shared/domain/jst-date';
import { createCore, type Core } from '../src-main/core/create-core';
import { createMemoryLogger } from '../src-main/core/logging';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { startHarness, type RunningHarness } from '../src-main/harness/server';
import { MIGRATIONS_DIR } from '../test/helpers/core';
import { makeTempDir } from '../test/helpers/temp-dir';
import { launchBrowser } from '../test/e2e/helpers/harness';
import { interleaved, loadLine, median, REPS_DEFAULT, spread } from './lib/measure';
import { BARE_AGGREGATE, seedSalesBooks } from './lib/sales-analysis-data';

const ROOT = join(__dirname, '..');
const SLIPS = Number(process.argv[2] ?? 100_000);
const REPS = REPS_DEFAULT;

interface Books {
  core: Core;
  harness: RunningHarness;
  close(): Promise<void>;
}

async function openBooks(slips: number, lastYear: number): Promise<Books> {
  const tmp = makeTempDir('bcart-bench-render-');
  const logger = createMemoryLogger();
  const core = await createCore({ dataDir: tmp.dir, migrationsDir: MIGRATIONS_DIR, logger, tokenStore: createMemoryTokenStore() });
  if (slips > 0) await seedSalesBooks(core, slips, lastYear);
  const harness = await startHarness({ core, rendererDir: join(ROOT, 'dist', 'renderer'), logger });
  return {
    core,
    harness,
    async close() {
      await harness.close();
      core.close();
      tmp.cleanup();
    },
  };
}

/**
 * Resolves when the view `by` is on the page: `rows` table rows and its chart drawn (a canvas whose
 * picture is not blank), or, with no rows, the empty message. Polled on every animation frame.
 */
async function rendered(page: Page, by: AnalysisDimension, rows: number): Promise<void> {
  await page.waitForFunction(
    ({ chart, rows }) => {
      // the page's globals, typed here: this file is compiled without the DOM's types
      const { document } = globalThis as unknown as PageGlobals;
      if (rows === 0) return document.querySelector('dl[aria-label="合計"]') !== null && (document.body.textContent ?? '').includes('この期間の売上はありません。');
      if (document.querySelectorAll('table[aria-label="売上分析表"] tbody tr').length !== rows) return false;
      const canvas = document.querySelector(`canvas[aria-label="${chart}"]`);
      // a blank canvas of this size encodes in a few hundred bytes; bars, axes and labels in far more
      return canvas !== null && canvas.width > 0 && canvas.toDataURL().length > 5000;
    },
    { chart: `${DIMENSION_LABELS[by]}の売上グラフ`, rows },
    { polling: 'raf', timeout: 120_000 },
  );
}

interface PageGlobals {
  document: {
    querySelector(selector: string): { width: number; toDataURL(): string } | null;
    querySelectorAll(selector: string): { length: number };
    body: { textContent: string | null };
  };
}

/** One measurement: a fresh app, then the action that shows `by`; returns its ms. */
async function measure(page: Page, books: Books, by: AnalysisDimension, rows: (by: AnalysisDimension) => number): Promise<number> {
  await page.goto(books.harness.url, { waitUntil: 'networkidle' });
  const menu = page.getByRole('link', { name: '売上分析' });
  await menu.waitFor();
  if (by === 'month') {
    const t = performance.now();
    await menu.click();
    await rendered(page, 'month', rows('month'));
    return performance.now() - t;
  }
  await menu.click();
  await rendered(page, 'month', rows('month'));
  await page.waitForLoadState('networkidle');
  const t = performance.now();
  await page.getByLabel('集計単位').selectOption(by);
  await rendered(page, by, rows(by));
  return performance.now() - t;
}

function timeNode(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  let t = performance.now();
  // the renderer of the current source, built as `npm run build:renderer` does (vite in its own
  // process: its ESM build does not load under this file's tsx loader)
  const built = spawnSync('npm', ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the renderer did not build');
  console.log(`renderer built in ${(performance.now() - t).toFixed(0)} ms`);
  // the page's own period: 1 January of this year (JST) to today, as 売上分析 opens
  const today = jstDateOf(Date.now());
  const period = { from: `${today.slice(0, 4)}-01-01`, to: today };
  t = performance.now();
  const full = await openBooks(SLIPS, Number(today.slice(0, 4)));
  const empty = await openBooks(0, Number(today.slice(0, 4)));
  const lines = (full.core.db.prepare('select (select count(*) from shipment_lines) + (select count(*) from sales_slip_lines) as n').get() as { n: number }).n;
  console.log(`data: ${SLIPS.toLocaleString()} slips, ${lines.toLocaleString()} lines over the two years to ${today.slice(0, 4)} (seeded in ${(performance.now() - t).toFixed(0)} ms)`);
  const browser = await launchBrowser();
  try {
    const rowsOf = async (core: Core, by: AnalysisDimension) => {
      const r = await core.dispatch('analysis:sales', { by, ...period }, { via: 'test' });
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { rows: unknown[] }).rows.length;
    };
    const fullRows = new Map<AnalysisDimension, number>();
    for (const by of ANALYSIS_DIMENSIONS) fullRows.set(by, await rowsOf(full.core, by));
    for (const by of ANALYSIS_DIMENSIONS) if ((await rowsOf(empty.core, by)) !== 0) throw new Error('the empty books are not empty');
    const pageOf = async () => (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1366, height: 860 } })).newPage();
    const fullPage = await pageOf();
    const emptyPage = await pageOf();
    console.log(`period ${period.from}〜${period.to}; Chromium ${browser.version()}; median of ${REPS} runs after a warm-up, empty-folder baseline interleaved; ${loadLine()}`);
    console.log('view        rows   render ms (runs)                    empty ms   ×empty   core ms  bare SQL ms  ×bare SQL');
    for (const by of ANALYSIS_DIMENSIONS) {
      const runs = await interleaved(
        REPS,
        () => measure(emptyPage, empty, by, () => 0),
        () => measure(fullPage, full, by, (b) => fullRows.get(b)!),
      );
      const bare = full.core.db.prepare(BARE_AGGREGATE[by]);
      const bareMs: number[] = [];
      const coreMs: number[] = [];
      for (let i = -1; i < REPS; i++) {
        const b = timeNode(() => bare.all(period));
        const c0 = performance.now();
        await rowsOf(full.core, by);
        const c = performance.now() - c0;
        if (i < 0) continue; // the warm-up
        bareMs.push(b);
        coreMs.push(c);
      }
      const r = median(runs.subject);
      const e = median(runs.baseline);
      const b = median(bareMs);
      console.log(
        `${by.padEnd(11)} ${String(fullRows.get(by)).padStart(4)}   ${r.toFixed(0).padStart(6)} (${spread(runs.subject)})`.padEnd(58) +
          `${e.toFixed(0).padStart(8)}   ${(r / e).toFixed(2).padStart(5)}×  ${median(coreMs).toFixed(0).padStart(7)}  ${b.toFixed(1).padStart(11)}  ${(r / b).toFixed(1).padStart(8)}×`,
      );
    }
    console.log(`after: ${loadLine()}`);
  } finally {
    await browser.close();
    await full.close();
    await empty.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
