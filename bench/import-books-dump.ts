/**
 * The "nothing changed" oracle of the import's speed work (bench/RESULTS.md, section 3): runs 出荷取込処理
 * on the bench's 10,000-order shop (bench/lib/import-shop.ts) through the real service, with a
 * fixed clock and fixed dates, and dumps
 *  - the 取込プレビュー of a dry run (planView, no display limit) and its counts / problems, then
 *  - every table of the books after the real run, in rowid order, timestamps masked,
 * to a file, printing its sha256. A change to the mapping or the writer must leave the file
 * byte-identical (compare the hash with the one the unchanged code printed).
 *
 * Run: npx tsx bench/import-books-dump.ts <out-file> [orders]
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { planView } from '../src-main/core/import/plan-view';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import type { Logger } from '../src-main/core/ports';
import { seedImportBooks } from '../test/integration/import/import-fixture';
import { makeTempDir } from '../test/helpers/temp-dir';
import { SHOP_ORDERS, startShop } from './lib/import-shop';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
/** 2026-12-05 12:00 JST: the window is 2026-11-29 … 2026-12-05 */
const NOW_MS = Date.parse('2026-12-05T12:00:00+09:00');
const TODAY = '2026-12-05';
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function mask(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = k.endsWith('_at') || (typeof v === 'string' && ISO_TIMESTAMP.test(v)) ? '<ts>' : v;
  return out;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: npx tsx bench/import-books-dump.ts <out-file> [orders]');
  const orders = Number(process.argv[3] ?? SHOP_ORDERS);
  const { sim, from } = await startShop(TODAY, orders);
  const tmp = makeTempDir('bcart-dump-');
  let t = NOW_MS;
  // a clock that moves (the lock's lease, the run's timestamps) but starts at the same instant each time
  const clock = { now: () => (t += 1) };
  const core = await createCore({ dataDir: tmp.dir, migrationsDir: join(__dirname, '..', 'drizzle'), logger: silent, tokenStore: createMemoryTokenStore(), clock });
  try {
    const { settingId } = await seedImportBooks(core.db, core.services.bcart, sim, from);
    const out: string[] = [];
    const dry = await core.services.imports.run({ settingId, dryRun: true, trigger: 'cli' });
    if (dry.plan === null) throw new Error(`dry run made no plan: ${dry.message}`);
    out.push(`preview\t${JSON.stringify(planView(dry.plan, dry.window))}`);
    out.push(`counts\t${JSON.stringify(dry.counts)}`);
    out.push(`errors\t${JSON.stringify(dry.errors)}`);
    out.push(`warnings\t${JSON.stringify(dry.warnings)}`);
    const run = await core.services.imports.run({ settingId, dryRun: false, trigger: 'cli' });
    if (run.status !== 'succeeded') throw new Error(`import failed: ${run.message}`);
    out.push(`outcome\t${JSON.stringify({ status: run.status, counts: run.counts, cursorAfter: run.cursorAfter, message: run.message })}`);
    const tables = core.db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name`).pluck().all() as string[];
    for (const name of tables) {
      const rows = core.db.prepare(`select * from "${name}" order by rowid`).all() as Record<string, unknown>[];
      out.push(`table ${name}\t${rows.length} rows`);
      for (const r of rows) out.push(`${name}\t${JSON.stringify(mask(r))}`);
    }
    // the simulator's port differs per run
    const text = out.join('\n').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>') + '\n';
    writeFileSync(file, text);
    console.log(`${createHash('sha256').update(text).digest('hex')}  ${file} (${out.length} lines; ${orders} orders)`);
  } finally {
    core.close();
    tmp.cleanup();
    await sim.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
