/**
 * 売上分析 at 100,000 slips (half BCart 出荷伝票 with their 請求伝票, half confirmed 売上伝票, 1–4
 * lines each, two years): every view (月別 / 得意先別 / 商品別 / 部門別 / チャネル別, each with the
 * year-earlier figures and the 送料・手数料・ポイント totals) as the core computes it, beside a bare SQL
 * aggregate of the same lines (sum of amounts grouped by the same key, no tax back-out, no join to
 * the masters beyond the key) measured in the same run; the ratio is the figure to watch.
 * Run: npx tsx bench/sales-analysis.bench.ts [slips]
 */
import { performance } from 'node:perf_hooks';
import { createAnalysisRepository } from '../src-main/core/analysis/analysis-repository';
import { dbHandle } from '../src-main/core/db/db-handle';
import { createCore, type Core } from '../src-main/core/create-core';
import { createMemoryLogger } from '../src-main/core/logging';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { MIGRATIONS_DIR } from '../test/helpers/core';
import { insertBcartSlips, insertEcSetting, insertWholesaleSlips, type DataRefs } from '../test/helpers/sales-data';
import { makeTempDir } from '../test/helpers/temp-dir';

const SLIPS = Number(process.argv[2] ?? 100_000);
const REPS = 5;
const FROM = '2026-01-01';
const TO = '2026-12-31';

/** The same grouping done the plainest way SQLite can: the floor the view is compared with. */
const BARE: Record<string, string> = {
  month: `select k, sum(a) from (
      select substr(s.date, 1, 7) as k, l.amount as a from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select substr(h.date, 1, 7), l.amount from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to) group by k`,
  customer: `select k, sum(a) from (
      select s.customer_id as k, l.amount as a from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select h.customer_id, l.amount from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to) group by k`,
  product: `select k, sum(a) from (
      select l.product_id as k, l.amount as a from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select l.product_id, l.amount from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to) group by k`,
  department: `select k, sum(a) from (
      select s.department_id as k, l.amount as a from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select h.department_id, l.amount from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to) group by k`,
  channel: `select 'b', sum(l.amount) from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select 'w', sum(l.amount) from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to`,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function seed(core: Core): Promise<void> {
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await core.dispatch(channel, input, { via: 'test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  const made = async (prefix: string, input: unknown) => {
    const row = await call<{ id: number }>(`${prefix}:create`, input);
    await call(`${prefix}:confirm`, { id: row.id });
    return row.id;
  };
  const tax = (await call<{ rows: { id: number; code: string }[] }>('taxClasses:list', {})).rows;
  const std = tax.find((t) => t.code === 'STD10')!.id;
  const red = tax.find((t) => t.code === 'RED08')!.id;
  const departmentIds = [await made('departments', { code: 'D01', name: '営業部' }), await made('departments', { code: 'D02', name: 'EC部' })];
  const customerIds: number[] = [];
  for (let i = 1; i <= 200; i++) customerIds.push(await made('partners', { code: `C${i}`, name: `得意先${i}`, kind: '得意先', billingType: '個別', closingDay: null, taxDisplay: '税抜' }));
  const warehouseId = await made('partners', { code: 'W01', name: '倉庫', kind: '倉庫', billingType: null, closingDay: null, taxDisplay: null });
  const products: DataRefs['products'] = [];
  for (let i = 1; i <= 500; i++) {
    const rate = i % 5 === 0 ? 8 : 10;
    const id = await made('products', { code: `P${i}`, name: `商品${i}`, unitQuantity: 1, inventoryTracked: true, taxClassId: rate === 8 ? red : std, unitPrice: 1000 });
    products.push({ id, taxClassId: rate === 8 ? red : std, rate });
  }
  const feeProductId = await made('products', { code: 'FEE', name: '送料', unitQuantity: 1, inventoryTracked: false, taxClassId: std, unitPrice: 0 });
  const refs: DataRefs = { departmentIds, customerIds, warehouseId, products, feeProductId, feeTaxClassId: std };
  insertBcartSlips(core.db, refs, { count: SLIPS / 2, seed: 1, from: '2025-01-01', days: 730, settingId: insertEcSetting(core.db) });
  insertWholesaleSlips(core.db, refs, { count: SLIPS / 2, seed: 2, from: '2025-01-01', days: 730 });
  core.db.exec('analyze');
}

async function main(): Promise<void> {
  const tmp = makeTempDir('bcart-bench-');
  const core = await createCore({ dataDir: tmp.dir, migrationsDir: MIGRATIONS_DIR, logger: createMemoryLogger(), tokenStore: createMemoryTokenStore() });
  try {
    let t = performance.now();
    await seed(core);
    const lines = (core.db.prepare('select (select count(*) from shipment_lines) + (select count(*) from sales_slip_lines) as n').get() as { n: number }).n;
    console.log(`data: ${SLIPS.toLocaleString()} slips, ${lines.toLocaleString()} lines over 2025–2026 (seeded in ${(performance.now() - t).toFixed(0)} ms)`);
    console.log(`period ${FROM}〜${TO} (plus the year-earlier period); median of ${REPS} runs each`);
    console.log('view        bare ms   1 period ms  ratio   whole view ms  ratio  (whole view = the period + the year before + 送料・手数料・ポイント)');
    const repo = createAnalysisRepository(dbHandle(core.db));
    for (const by of ['month', 'customer', 'product', 'department', 'channel'] as const) {
      const bare = core.db.prepare(BARE[by]!);
      const viewMs: number[] = [];
      const bareMs: number[] = [];
      const oneMs: number[] = [];
      for (let i = 0; i < REPS; i++) {
        bareMs.push(time(() => bare.all({ from: FROM, to: TO })));
        oneMs.push(time(() => repo.groups(by, { from: FROM, to: TO })));
        const v0 = performance.now();
        const r = await core.dispatch('analysis:sales', { by, from: FROM, to: TO }, { via: 'test' });
        viewMs.push(performance.now() - v0);
        if (!r.ok) throw new Error(r.error.message);
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
