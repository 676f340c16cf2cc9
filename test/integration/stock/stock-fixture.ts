/**
 * Books for stock tests: a real core on a temp SQLite file, the simulator, the import books of
 * import-fixture (WH-EC = 連携倉庫, one confirmed product per set with 品番 = product code, 商品連携区分
 * on), plus a second warehouse WH-2 and a 仕入先. `mapping()` switches the setting to EC連携商品 links.
 */
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import type { CoreOptions } from '../../../src-main/core/create-core';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../src-main/simulator';
import type { WireProductSet } from '../../../src-main/simulator/wire-types';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { seedImportBooks } from '../import/import-fixture';

export interface StockHarness {
  t: TestCore;
  sim: RunningSimulator;
  settingId: number;
  wh: number;
  wh2: number;
  supplier: number;
  /** product id of a 品番 */
  product(no: string): number;
  /** managed sets of the shop (stock not null, stock_flag 0), excluding bulk ones */
  managed(): WireProductSet[];
  unmanaged(): WireProductSet[];
  stockOf(setId: number): number | null;
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** switches the setting to EC連携商品 mapping with one link per given set */
  mapping(sets: WireProductSet[]): void;
  close(): Promise<void>;
}

export const FAST_CLIENT = { timeoutMs: 400, maxRetries: 2, backoffBaseMs: 1, backoffCapMs: 5 };
export const FAST_PUSHER = { backoff: { baseMs: 1, capMs: 5 }, intervalMs: 60_000, leaseTtlMs: 5_000 };

export async function stockHarness(
  opts: { sim?: SimulatorOptions; core?: Partial<CoreOptions>; dataDir?: string } = {},
): Promise<StockHarness> {
  const today = jstDateOf(Date.now());
  const sim = await startSimulator({ seed: 7, orders: 0, rateLimit: false, includeUnsupported: false, mode: 'test', ...opts.sim });
  const t = await makeTestCore({ stockClientTiming: FAST_CLIENT, stockPusher: FAST_PUSHER, ...opts.core }, opts.dataDir);
  const { settingId, warehouseId } = await seedImportBooks(t.core.db, t.core.services.bcart, sim, addDays(today, -3));
  const db = t.core.db;
  const now = '2025-01-01T00:00:00+09:00';
  const ins = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  const wh2 = ins(
    `insert into partners (code, name, kind, confirmed, created_at, updated_at) values ('WH-2', '第二倉庫', '倉庫', 1, ?, ?)`,
    now,
    now,
  );
  const supplier = ins(
    `insert into partners (code, name, kind, confirmed, created_at, updated_at) values ('SUP-1', '仕入先一', '仕入先', 1, ?, ?)`,
    now,
    now,
  );
  const product = (no: string) => (db.prepare('select id from products where code = ?').get(no) as { id: number }).id;
  return {
    t,
    sim,
    settingId,
    wh: warehouseId,
    wh2,
    supplier,
    product,
    managed: () => sim.state.productSets.filter((s) => s.stock !== null && s.stock_flag === 0 && !s.product_no.startsWith('BULK-')),
    unmanaged: () => sim.state.productSets.filter((s) => s.stock === null),
    stockOf: (id) => sim.state.getSet(id)!.stock,
    call: (c, i) => t.call(c, i),
    mapping(sets) {
      db.prepare('update ec_settings set product_link_same_code = 0 where id = ?').run(settingId);
      for (const s of sets) {
        db.prepare(
          `insert into product_links (ec_setting_id, bcart_set_id, bcart_product_no, bcart_set_name, bcart_jan_code, bcart_quantity, product_id, created_at, updated_at)
           values (?, ?, ?, ?, '', ?, ?, ?, ?)`,
        ).run(settingId, s.id, s.product_no, s.name, s.quantity, product(s.product_no), now, now);
      }
    },
    async close() {
      await t.core.services.stock.pusher.stop();
      t.close();
      await sim.close();
    },
  };
}

/** A receipt into `warehouseId` of the given lines; returns the slip id. */
export async function receipt(
  h: StockHarness,
  warehouseId: number,
  lines: [productId: number, quantity: number][],
  date = '2025-05-01',
): Promise<number> {
  const s = await h.call<{ id: number }>('stockSlips:create', {
    kind: 'receipt',
    date,
    warehouseId,
    lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
  });
  return s.id;
}
