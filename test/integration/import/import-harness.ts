/** A core on a temp SQLite file + a simulator sharing one fixed clock, seeded books, and a run helper. */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../src-main/simulator';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import type { ImportOutcome, ImportOptions } from '../../../src-main/core/import/run-import';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { seedImportBooks, type SeededBooks } from './import-fixture';

/** 2025-05-01 12:00 JST */
export const FIXED_NOW = Date.parse('2025-05-01T03:00:00Z');

export interface ImportHarness {
  t: TestCore;
  sim: RunningSimulator;
  books: SeededBooks;
  today: string;
  run(opts?: Partial<ImportOptions>): Promise<ImportOutcome>;
  /** runs until the window reached today (at most 20 runs); returns every outcome */
  catchUp(): Promise<ImportOutcome[]>;
  cursor(): string | null;
  setCursor(d: string): void;
  close(): Promise<void>;
}

/** Starts everything; `from` = 出荷取込開始日 (default the simulator's first day). */
export async function startImportHarness(simOpts: SimulatorOptions, from?: string, clockMs = FIXED_NOW): Promise<ImportHarness> {
  const clock = { now: () => clockMs };
  const sim = await startSimulator({ rateLimit: false, includeUnsupported: false, clock, ...simOpts });
  const t = await makeTestCore({ clock });
  const today = jstDateOf(clockMs);
  const books = await seedImportBooks(t.core.db, t.core.services.bcart, sim, from ?? simOpts.fromDate ?? today);
  const h: ImportHarness = {
    t,
    sim,
    books,
    today,
    run: (opts = {}) =>
      t.core.services.imports.run({
        settingId: books.settingId,
        dryRun: false,
        trigger: 'manual',
        ...opts,
        client: { timeoutMs: 5_000, backoffBaseMs: 1, backoffCapMs: 5, ...opts.client },
      }),
    async catchUp() {
      const out: ImportOutcome[] = [];
      for (let i = 0; i < 20; i++) {
        const o = await h.run();
        out.push(o);
        if (o.status !== 'succeeded' || o.caughtUp) break;
      }
      return out;
    },
    cursor: () => (t.core.db.prepare('select import_start_date as d from ec_settings where id = ?').get(books.settingId) as { d: string | null }).d,
    setCursor: (d) => t.core.db.prepare('update ec_settings set import_start_date = ? where id = ?').run(d, books.settingId),
    async close() {
      await sim.close();
      t.close();
    },
  };
  return h;
}
