/**
 * The one-time 消費税自動更新 at scale: 100,000 applications × 3 items × 2 options in a real SQLite
 * file (real core, WAL, synchronous=FULL), every phase in its own child process so its peak RSS is
 * its own (bench/lib/measure.ts).
 *
 * Figures (issue #17), each beside the same work done bare in the same run:
 *  - preview (the app's flow: load, plan, hash, and the change list the screen pages through)
 *    vs bare: read every application / item / option row, re-rate every 税込 price with the bare
 *    bigint multiply / divRound, and insert every change row into a scratch table, one transaction;
 *  - apply after a preview (backup + the one transaction) vs bare: one UPDATE per changed row and
 *    one INSERT per change row, one transaction (the rows taken from a reference apply beforehand);
 *  - peak RSS of the preview child and of the apply child (preview then apply, as on the screen).
 * Targets: preview / bare ≤ 2, apply / bare ≤ 2, peak RSS ≤ 400 MB.
 *
 * Run: npm run bench -- tax-update   or   npx tsx bench/tax-update.bench.ts [applications] [reps]
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, DB_FILE_NAME, type Core } from '../src-main/core/create-core';
import { createMemoryLogger } from '../src-main/core/logging';
import { createMemoryTokenStore } from '../src-main/core/memory-token-store';
import { divRound } from '../src-shared/domain/rounding';
import { TAX_UPDATE_CHECKLIST_IDS } from '../src-shared/tax-update/checklist';
import type { SubscriptionApplication } from '../src-shared/tax-update/types';
import { PRESET_2019 } from '../src-shared/tax-update/types';
import { setStoreClosed } from '../test/helpers/store-mode';
import { interleaved, loadLine, median, phaseMain, REPS_DEFAULT, runPhase, spread, verdict, type PhaseResult } from './lib/measure';

const MIGRATIONS = join(__dirname, '..', 'drizzle');
const RSS_LIMIT_MB = 400;
const RATIO_LIMIT = 2;

function dataset(n: number): SubscriptionApplication[] {
  const apps: SubscriptionApplication[] = [];
  for (let i = 0; i < n; i++) {
    apps.push({
      code: `S${String(i).padStart(7, '0')}`,
      customerCode: `C${i % 500}`,
      status: '継続中',
      orderProcessed: false,
      standardRate: 8,
      reducedRate: 8,
      items: [0, 1, 2].map((k) => ({
        productCode: `P${(i * 3 + k) % 1000}`,
        variationH: '',
        variationV: '',
        name: `商品${k}`,
        quantity: 1 + (k % 3),
        firstPrice: 1000 + ((i * 7 + k * 13) % 9000),
        regularPrice: 980 + ((i * 11 + k) % 5000),
        lastPrice: 500 + ((i + k * 17) % 3000),
        taxIncluded: (i + k) % 4 !== 0,
        taxRateType: '標準' as const,
        options: [
          { name: 'ギフト包装', price: 300, taxIncluded: true, taxRateType: '標準' as const },
          { name: '定期割引', price: -100 - (i % 50), taxIncluded: true, taxRateType: '軽減' as const },
        ],
      })),
    });
  }
  return apps;
}

const openCore = (dir: string): Promise<Core> =>
  createCore({ dataDir: dir, migrationsDir: MIGRATIONS, logger: createMemoryLogger(), tokenStore: createMemoryTokenStore() });

const applyRequest = (planHash?: string) => ({
  eventId: PRESET_2019.id,
  rounding: 'round' as const,
  checked: TAX_UPDATE_CHECKLIST_IDS,
  understood: true,
  ...(planHash === undefined ? {} : { planHash }),
});

/** the preview's fingerprint, whatever else the service returns with it */
const hashOf = (p: unknown): string => (p as { hash: string }).hash;

type Row = unknown[];

/** The rows a reference apply changed, read from its database (outside the measured time). */
function rowsOf(core: Core, appliedDb: string): { apps: Row[]; items: Row[]; options: Row[]; changes: Row[] } {
  const db = core.db;
  db.prepare('attach database ? as ap').run(appliedDb);
  try {
    const all = (sql: string) => db.prepare(sql).raw().all() as Row[];
    return {
      apps: all(
        'select b.standard_rate, b.reduced_rate, b.updated_at, a.id from main.subscription_applications a join ap.subscription_applications b on a.id = b.id where a.updated_at <> b.updated_at',
      ),
      items: all(
        'select b.tax_rate_type, b.first_price, b.regular_price, b.last_price, a.id from main.subscription_items a join ap.subscription_items b on a.id = b.id where a.tax_rate_type <> b.tax_rate_type or a.first_price <> b.first_price or a.regular_price <> b.regular_price or a.last_price <> b.last_price',
      ),
      options: all(
        'select b.price, a.id from main.subscription_options a join ap.subscription_options b on a.id = b.id where a.price <> b.price',
      ),
      changes: all(
        'select application_code, product_code, variation, field, option_name, old_value, new_value from ap.tax_update_changes order by id',
      ),
    };
  } finally {
    db.prepare('detach database ap').run();
  }
}

const INSERT_CHANGE = (table: string) =>
  `insert into ${table} (run_id, application_code, product_code, variation, field, option_name, old_value, new_value) values (?, ?, ?, ?, ?, ?, ?, ?)`;

/** Child processes: one phase each. */
async function child(phase: string, dir: string, appliedDb: string): Promise<void> {
  const core = await openCore(dir);
  const service = core.services.taxUpdate;
  const db = core.db;
  try {
    switch (phase) {
      case 'preview':
        await phaseMain(() => ({ hash: hashOf(service.preview(PRESET_2019.id, 'round')) }));
        return;
      case 'apply': {
        // as on the screen: the user previews, then applies that plan; the apply is timed, the
        // peak RSS is the process's (the preview's included)
        const hash = hashOf(service.preview(PRESET_2019.id, 'round'));
        await phaseMain(async () => {
          const run = await service.apply(applyRequest(hash));
          return { changes: run.changeCount, changedPrices: run.changedPrices, targets: run.targets };
        });
        return;
      }
      case 'bare-preview': {
        const { changes } = rowsOf(core, appliedDb);
        await phaseMain(() => {
          let read = 0;
          let checksum = 0n;
          db.transaction(() => {
            for (const _ of db.prepare('select * from subscription_applications').raw().iterate()) read++;
            // the bare re-rating: the same bigint multiply / divRound over every 税込 price
            for (const r of db
              .prepare('select first_price, regular_price, last_price, tax_included from subscription_items')
              .raw()
              .iterate() as Iterable<number[]>) {
              read++;
              if (r[3] === 1) for (let k = 0; k < 3; k++) checksum += divRound(BigInt(r[k]!) * 110n, 108n, 'round');
            }
            for (const r of db.prepare('select price, tax_included from subscription_options').raw().iterate() as Iterable<number[]>) {
              read++;
              if (r[1] === 1) checksum += divRound(BigInt(r[0]!) * 110n, 108n, 'round');
            }
            db.exec(
              'create temp table bare_changes (run_id, application_code, product_code, variation, field, option_name, old_value, new_value)',
            );
            const ins = db.prepare(INSERT_CHANGE('temp.bare_changes'));
            for (const c of changes) ins.run(0, ...c);
          })();
          return { read, changes: changes.length, checksum: String(checksum) };
        });
        return;
      }
      case 'bare-apply': {
        const rows = rowsOf(core, appliedDb);
        const now = core.services.ports.now();
        core.services.repos.taxUpdate.listEvents(now); // writes the preset the run refers to
        await phaseMain(() => {
          const app = db.prepare('update subscription_applications set standard_rate = ?, reduced_rate = ?, updated_at = ? where id = ?');
          const item = db.prepare(
            'update subscription_items set tax_rate_type = ?, first_price = ?, regular_price = ?, last_price = ? where id = ?',
          );
          const option = db.prepare('update subscription_options set price = ? where id = ?');
          const change = db.prepare(INSERT_CHANGE('tax_update_changes'));
          db.transaction(() => {
            const runId = db
              .prepare(
                "insert into tax_update_runs (rate_event_id, rounding, targets, changed_applications, changed_prices, executed_at) values (?, 'round', 0, 0, 0, ?)",
              )
              .run(PRESET_2019.id, now).lastInsertRowid;
            for (const r of rows.apps) app.run(...r);
            for (const r of rows.items) item.run(...r);
            for (const r of rows.options) option.run(...r);
            for (const c of rows.changes) change.run(runId, ...c);
          })();
          return { changes: rows.changes.length, updates: rows.apps.length + rows.items.length + rows.options.length };
        });
        return;
      }
      default:
        throw new Error(`unknown phase ${phase}`);
    }
  } finally {
    core.close();
  }
}

async function main(apps: number, reps: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tax-update-bench-'));
  try {
    // the template: 1,000 products (every tenth reduced-rate: those items move to 軽減), the applications, 受付停止
    const template = join(root, 'template');
    mkdirSync(template);
    const t = await openCore(template);
    const now = t.services.ports.now();
    const kind = (k: string) => (t.db.prepare('select id from tax_classes where kind = ?').get(k) as { id: number }).id;
    const [std, red] = [kind('標準'), kind('軽減')];
    const ins = t.db.prepare(
      'insert into products (code, name, tax_class_id, confirmed, created_at, updated_at) values (?, ?, ?, 1, ?, ?)',
    );
    t.db.transaction(() => {
      for (let p = 0; p < 1000; p++) ins.run(`P${p}`, `商品${p}`, p % 10 === 0 ? red : std, now, now);
    })();
    const counts = t.services.repos.subscriptions.replaceAll(dataset(apps), now);
    setStoreClosed(t, true, now);
    t.close();

    let n = 0;
    const copy = (): string => {
      const dir = join(root, `run${n++}`);
      mkdirSync(dir);
      copyFileSync(join(template, DB_FILE_NAME), join(dir, DB_FILE_NAME));
      return dir;
    };
    const phase = (name: string, applied = ''): PhaseResult => {
      const dir = copy();
      try {
        return runPhase(__filename, ['--phase', name, dir, applied]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    // the reference apply: its rows are what the bare sides write
    const refDir = copy();
    const reference = runPhase(__filename, ['--phase', 'apply', refDir, '']);
    const applied = join(refDir, DB_FILE_NAME);
    const load0 = loadLine();

    const preview = await interleaved(
      reps,
      () => phase('bare-preview', applied),
      () => phase('preview'),
    );
    const apply = await interleaved(
      reps,
      () => phase('bare-apply', applied),
      () => phase('apply'),
    );

    const ms = (xs: PhaseResult[]) => xs.map((x) => x.ms);
    const secs = (xs: PhaseResult[]) =>
      spread(
        ms(xs).map((x) => x / 1000),
        2,
      );
    const line = (label: string, side: { baseline: PhaseResult[]; subject: PhaseResult[] }) => {
      const s = median(ms(side.subject));
      const b = median(ms(side.baseline));
      process.stdout.write(
        `${label}: ${(s / 1000).toFixed(2)} s (runs ${secs(side.subject)}), bare ${(b / 1000).toFixed(2)} s (runs ${secs(side.baseline)})\n`,
      );
      // CPU time moves less than wall time when other processes share the cores
      const cpu = (xs: PhaseResult[]) => median(xs.map((x) => x.cpuMs));
      process.stdout.write(
        `  CPU: ${(cpu(side.subject) / 1000).toFixed(2)} s vs bare ${(cpu(side.baseline) / 1000).toFixed(2)} s = ${(cpu(side.subject) / cpu(side.baseline)).toFixed(2)}× (for reading a loaded run)\n`,
      );
      return verdict(`  ${label} / bare (medians)`, s / b, RATIO_LIMIT, '×');
    };
    const peak = (xs: PhaseResult[]) => Math.max(...xs.map((x) => x.peakRssMb));
    const start = (xs: PhaseResult[]) => median(xs.map((x) => x.startRssMb));

    process.stdout.write(
      `applications ${counts.applications.toLocaleString()} / items ${counts.items.toLocaleString()} / options ${counts.options.toLocaleString()}; ` +
        `${String(reference.info.changes ?? '?')} change rows, ${String(reference.info.changedPrices ?? '?')} changed prices; median of ${reps} runs after a warm-up, baseline and subject interleaved\n`,
    );
    const figures = [
      line('preview', preview),
      line('apply after the preview', apply),
      verdict(
        `peak RSS of the preview (child; ${start(preview.subject).toFixed(0)} MB at its start)`,
        peak(preview.subject),
        RSS_LIMIT_MB,
        ' MB',
        0,
      ),
      verdict(
        `peak RSS of preview + apply (child; ${start(apply.subject).toFixed(0)} MB at its start)`,
        peak(apply.subject),
        RSS_LIMIT_MB,
        ' MB',
        0,
      ),
    ];
    for (const f of figures) process.stdout.write(`${f.line}\n`);
    process.stdout.write(
      `bare children's peak RSS: preview ${peak(preview.baseline).toFixed(0)} MB, apply ${peak(apply.baseline).toFixed(0)} MB (they hold the reference rows)\n`,
    );
    process.stdout.write(`${load0} (start); ${loadLine()} (end)\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--phase') {
  child(process.argv[3]!, process.argv[4]!, process.argv[5] ?? '').catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
} else {
  main(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? REPS_DEFAULT)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
