/**
 * 「最新まで取込」 over IPC against the simulator: window after window to today with the same books as
 * runs made one by one; a stop at the first failed window keeping the windows before it; a stop when
 * the rate budget would be overrun, going on from the cursor next time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CatchUpResult } from '../../../src-shared/import/catch-up';
import { booksSnapshot } from './import-fixture';
import { startImportHarness, type ImportHarness } from './import-harness';

const SIM = { seed: 3, orders: 90, fromDate: '2025-04-01', toDate: '2025-05-01' };
/** this seed's third window holds an order whose member has no 貴社独自会員ID (MEMBER_EXT_ID_EMPTY) */
const SEED_FAILING_IN_WINDOW_3 = 21;

describe('import:catchUp', () => {
  const open: ImportHarness[] = [];
  const harness = async (opts = {}) => {
    const h = await startImportHarness({ ...SIM, ...opts });
    open.push(h);
    return h;
  };
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });

  it('runs window after window to today; the books equal runs made one at a time', async () => {
    const h = await harness();
    const r = await h.t.call<CatchUpResult>('import:catchUp', { settingId: h.books.settingId });
    // 04-01…07, 08…14, 15…21, 22…28, 29…05-01
    expect(r).toMatchObject({ stop: 'caught-up', caughtUp: true, windows: 5, cursor: '2025-05-01' });
    expect(r.runIds).toHaveLength(5);
    expect(r.shipments).toBeGreaterThan(0);
    // every imported 出荷伝票 keeps its BCart buyer (売上分析 groups BCart sales by it)
    expect(h.t.core.db.prepare('select count(*) as n from shipments where buyer_code is null').get()).toEqual({ n: 0 });
    const runs = h.t.core.db.prepare('select status, window_from as f, window_to as t from import_runs order by id').all();
    expect(runs).toEqual([
      { status: 'succeeded', f: '2025-04-01', t: '2025-04-07' },
      { status: 'succeeded', f: '2025-04-08', t: '2025-04-14' },
      { status: 'succeeded', f: '2025-04-15', t: '2025-04-21' },
      { status: 'succeeded', f: '2025-04-22', t: '2025-04-28' },
      { status: 'succeeded', f: '2025-04-29', t: '2025-05-01' },
    ]);
    const reference = await harness();
    const outcomes = await reference.catchUp();
    expect(outcomes.at(-1)!.caughtUp).toBe(true);
    expect(booksSnapshot(h.t.core.db, h.books.settingId)).toBe(booksSnapshot(reference.t.core.db, reference.books.settingId));
    // a second catch-up re-reads today only
    const again = await h.t.call<CatchUpResult>('import:catchUp', { settingId: h.books.settingId });
    expect(again).toMatchObject({ stop: 'caught-up', windows: 1, shipments: 0 });
  });

  it('stops at the first failed window and keeps the windows before it', async () => {
    const h = await harness({ seed: SEED_FAILING_IN_WINDOW_3 });
    const r = await h.t.call<CatchUpResult>('import:catchUp', { settingId: h.books.settingId });
    expect(r).toMatchObject({ stop: 'failed', windows: 3, cursor: '2025-04-15' });
    expect(r.message).toContain('取り込めなかった期間');
    const runs = h.t.core.db.prepare('select status, window_from as f from import_runs order by id').all() as { status: string; f: string }[];
    expect(runs.length).toBe(r.windows);
    expect(runs.at(-1)!.status).toBe('failed');
    expect(runs.slice(0, -1).every((x) => x.status === 'succeeded')).toBe(true);
    // the cursor stays at the failed window's start
    expect(r.cursor).toBe(runs.at(-1)!.f);
  });

  it('stops before overrunning the rate budget and goes on from the cursor next time', async () => {
    // the calls of the first window, measured on a twin
    const twin = await harness();
    const firstCalls = (await twin.run()).apiCalls;
    const h = await harness();
    // a budget that holds one window but not a second of the same size
    h.t.core.db.prepare('update ec_settings set rate_budget = ? where id = ?').run(firstCalls, h.books.settingId);
    const r = await h.t.call<CatchUpResult>('import:catchUp', { settingId: h.books.settingId });
    expect(r).toMatchObject({ stop: 'budget', windows: 1, cursor: '2025-04-08', caughtUp: false });
    expect(r.message).toContain('API 呼び出し上限');
    // the next 最新まで取込 (here with the budget back) goes on from the cursor
    h.t.core.db.prepare('update ec_settings set rate_budget = 250 where id = ?').run(h.books.settingId);
    const next = await h.t.call<CatchUpResult>('import:catchUp', { settingId: h.books.settingId });
    expect(next).toMatchObject({ stop: 'caught-up', windows: 4, cursor: '2025-05-01' });
  });
});
