/**
 * The duplicate count of IMP-faults can fail: every BCart id column of the schema is either counted
 * or known to repeat, and with the UNIQUE indexes dropped a known bug — an importer that forgets what
 * it already wrote, as one that resends after an unknown outcome would — shows up as duplicates,
 * while with the indexes in place the same bug only rolls back (which is why the count needs them
 * dropped).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { bcartIdColumns, dropBcartUniqueIndexes, duplicatesByBcartId, REPEATING_BCART_IDS, UNIQUE_BCART_IDS } from './bcart-duplicates';
import { seedImportBooks } from './import-fixture';
import { FIXED_NOW } from './import-harness';

const today = jstDateOf(FIXED_NOW);
const FROM = addDays(today, -3);

describe('duplicates by BCart id', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, orders: 8, fromDate: FROM, toDate: today, rateLimit: false, includeUnsupported: false, clock: { now: () => FIXED_NOW } });
    for (const o of sim.state.orders) {
      if ((o.order.payment === '自社掛け払い' || o.order.payment === '銀行振込') && o.order.customer_ext_id === '') o.order.payment = 'PayPal';
    }
  });
  afterAll(() => sim?.close());

  async function forgetfulImportTwice(dropIndexes: boolean): Promise<{ t: TestCore; statuses: string[] }> {
    const t = await makeTestCore({ clock: { now: () => FIXED_NOW } });
    const { settingId } = await seedImportBooks(t.core.db, t.core.services.bcart, sim, FROM);
    if (dropIndexes) dropBcartUniqueIndexes(t.core.db);
    // sabotage: the importer no longer knows which shipments and orders it already wrote
    t.core.services.repos.slips.importedLogisticsIds = () => [];
    t.core.services.repos.slips.invoicedOrderIds = () => [];
    const statuses: string[] = [];
    for (let i = 0; i < 2; i++) {
      t.core.db.prepare('update ec_settings set import_start_date = ? where id = ?').run(FROM, settingId);
      statuses.push((await t.core.services.imports.run({ settingId, dryRun: false, trigger: 'cli' })).status);
    }
    return { t, statuses };
  }

  it('every bcart_* column of the schema is counted or known to repeat', async () => {
    const t = await makeTestCore();
    try {
      const counted = UNIQUE_BCART_IDS.flatMap((u) => u.columns.filter((c) => c.startsWith('bcart_')).map((c) => `${u.table}.${c}`));
      const cols = bcartIdColumns(t.core.db);
      expect(cols.length).toBeGreaterThanOrEqual(5);
      expect(cols.filter((c) => !counted.includes(c) && !REPEATING_BCART_IDS.includes(c))).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('sabotage "forgets what it imported": caught as duplicates with the indexes dropped, a rollback with them', async () => {
    const dropped = await forgetfulImportTwice(true);
    const kept = await forgetfulImportTwice(false);
    try {
      const dupDropped = duplicatesByBcartId(dropped.t.core.db);
      const dupKept = duplicatesByBcartId(kept.t.core.db);
      console.log(`BCart-id duplicates, sabotage "forgets what it imported" run twice: indexes dropped → ${dupDropped} duplicates (caught; runs ${dropped.statuses.join(', ')}); indexes kept → ${dupKept} (runs ${kept.statuses.join(', ')}: the index turns it into a rollback the count cannot see)`);
      expect(dropped.statuses).toEqual(['succeeded', 'succeeded']);
      expect(dupDropped).toBeGreaterThan(0);
      expect(kept.statuses).toEqual(['succeeded', 'failed']);
      expect(dupKept).toBe(0);
    } finally {
      dropped.t.close();
      kept.t.close();
    }
  });
});
