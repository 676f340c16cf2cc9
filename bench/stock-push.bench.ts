/**
 * 在庫反映 benchmark: one 入荷伝票 changing 1,000 linked sets. Measured: from 確定 (ledger + outbox in
 * one transaction) until BCart holds every new stock (pusher: lease, read before sending, 10 bulk
 * PATCH requests of 100 "+1" each, outcome recorded) versus a bare loop of the same 10 PATCH requests
 * with fetch. Both sides talk to the in-process simulator on 127.0.0.1; repetitions alternate.
 * Prints write requests per slip (target: 10) and the ratio stock push / bare PATCH loop. The gap is
 * the price of never double-applying: a read of the 100 sets before each write (10 more requests)
 * and three durable commits per batch (claim, stock read before sending, outcome), each an fsync.
 *
 * Run: npx tsx bench/stock-push.bench.ts [reps]
 */
import { join } from 'node:path';
import { addDays, jstDateOf } from '../src-shared/domain/jst-date';
import { createCore } from '../src-main/core/create-core';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import type { Logger } from '../src-main/core/ports';
import { startSimulator } from '../src-main/simulator';
import { makeTempDir } from '../test/helpers/temp-dir';

const SETS = 1_000;
const REPS = Number(process.argv[2] ?? 5);
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const sim = await startSimulator({ seed: 1, orders: 0, rateLimit: false, bulkSets: SETS });
  const tmp = makeTempDir('bcart-bench-stock-');
  const core = await createCore({
    dataDir: tmp.dir,
    migrationsDir: join(__dirname, '..', 'drizzle'),
    logger: silent,
    tokenStore: createMemoryTokenStore(),
  });
  const db = core.db;
  const now = '2025-01-01T00:00:00+09:00';
  const bulk = sim.state.productSets.filter((s) => s.product_no.startsWith('BULK-'));
  // books: the 連携倉庫, one product per bulk set linked through EC連携商品 (set ids known), the setting
  const { wh, settingId, products } = db.transaction(() => {
    const ins = (sql: string, ...a: unknown[]) => Number(db.prepare(sql).run(...a).lastInsertRowid);
    const wh = ins(
      `insert into partners (code, name, kind, confirmed, created_at, updated_at) values ('WH-EC', '連携倉庫', '倉庫', 1, ?, ?)`,
      now,
      now,
    );
    const settingId = ins(
      `insert into ec_settings (name, warehouse_id, import_start_date, product_link_same_code, api_base_url, rate_budget, created_at, updated_at) values ('bench', ?, ?, 0, ?, 100000, ?, ?)`,
      wh,
      addDays(jstDateOf(Date.now()), -1),
      sim.url,
      now,
      now,
    );
    const products = bulk.map((s) => {
      const p = ins(
        `insert into products (code, name, unit_quantity, inventory_tracked, confirmed, created_at, updated_at) values (?, ?, 1, 1, 1, ?, ?)`,
        s.product_no,
        s.product_no,
        now,
        now,
      );
      ins(
        `insert into product_links (ec_setting_id, bcart_set_id, bcart_product_no, product_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?)`,
        settingId,
        s.id,
        s.product_no,
        p,
        now,
        now,
      );
      return p;
    });
    return { wh, settingId, products };
  })();
  await core.services.bcart.savePersonalToken(settingId, sim.token, sim.url);
  /** CPU ms of this process (pusher + in-process simulator) per 確定 → updated: steadier than wall time on a loaded machine */
  const cpu: number[] = [];
  const slipsOf = () => sim.state.requests.filter((r) => r.method === 'PATCH').length;

  /** wall ms of the 確定 alone (slip + ledger + outbox in one transaction) */
  const confirmMs: number[] = [];
  const viaPusher = async (): Promise<{ ms: number; writes: number; reads: number }> => {
    const slip = core.services.stock.slips.create({
      kind: 'receipt',
      date: '2025-05-01',
      warehouseId: wh,
      lines: products.map((productId) => ({ productId, quantity: 1 })),
    });
    const before = bulk.map((s) => s.stock!);
    const w0 = slipsOf();
    const r0 = sim.state.requests.length;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    core.services.stock.slips.confirm(slip.id);
    confirmMs.push(performance.now() - t0);
    const r = await core.services.stock.pusher.pushNow(settingId);
    const c2 = process.cpuUsage(c0);
    cpu.push((c2.user + c2.system) / 1000);
    const ms = performance.now() - t0;
    if (r.pending !== 0 || bulk.some((s, i) => s.stock !== before[i]! + 1))
      throw new Error(
        `stock push did not update every set: ${JSON.stringify(r)} ${JSON.stringify(db.prepare('select status, reason, count(*) n from stock_outbox group by 1, 2').all())}`,
      );
    const writes = slipsOf() - w0;
    return { ms, writes, reads: sim.state.requests.length - r0 - writes };
  };
  const bare = async (): Promise<number> => {
    const t0 = performance.now();
    for (let i = 0; i < SETS; i += 100) {
      const res = await fetch(`${sim.url}/product_sets`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${sim.token}`, Accept: 'application/json', 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ product_sets: bulk.slice(i, i + 100).map((s) => ({ id: s.id, stock: '+1' })) }),
      });
      if (res.status !== 200) throw new Error(`bare PATCH ${res.status}`);
      await res.text();
    }
    return performance.now() - t0;
  };

  await viaPusher(); // warm-up
  await bare();
  const p: number[] = [];
  const b: number[] = [];
  let writes = 0;
  let reads = 0;
  for (let i = 0; i < REPS; i++) {
    if (i % 2 === 0) b.push(await bare());
    const r = await viaPusher();
    p.push(r.ms);
    writes = r.writes;
    reads = r.reads;
    if (i % 2 === 1) b.push(await bare());
  }
  const pm = median(p);
  const bm = median(b);
  console.log(`sets changed by one 入荷伝票: ${SETS}`);
  console.log(
    `write requests per slip: ${writes} (target ${SETS / 100}); reads before sending: ${reads} (the stock read before a relative write decides an unknown outcome)`,
  );
  console.log(`CPU per 確定 → updated (median, this process incl. the simulator): ${median(cpu.slice(1)).toFixed(0)} ms`);
  console.log(
    `確定 → BCart updated (median of ${REPS}): ${pm.toFixed(1)} ms, of which the 確定 transaction ${median(confirmMs.slice(1)).toFixed(1)} ms`,
  );
  console.log(`bare PATCH loop, same ${SETS / 100} requests (median): ${bm.toFixed(1)} ms`);
  console.log(`ratio stock push / bare PATCH loop: ${(pm / bm).toFixed(2)}×`);
  await core.services.stock.pusher.stop();
  core.close();
  await sim.close();
  tmp.cleanup();
  if (writes !== SETS / 100) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
