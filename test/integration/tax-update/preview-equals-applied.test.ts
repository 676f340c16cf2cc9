/**
 * preview ≡ applied: for random data sets (fast-check over seeds, sizes, rounding and which
 * products exist), the preview streamed from the database is the pure in-memory plan of the same
 * data (changes and fingerprint), the applications in SQLite after apply are exactly the plan's
 * updatedApplications, the stored change list is exactly the plan's changes, and non-targets are
 * untouched. Each run uses a fresh real SQLite file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPlainApplication } from '../../../src-main/core/subscriptions/subscription-repository';
import { planHash } from '../../../src-main/core/tax-update/plan-hash';
import { productTaxLookupFromDb } from '../../../src-main/core/tax-update/product-tax-lookup-db';
import { planTaxUpdate } from '../../../src-shared/tax-update/plan';
import { setStoreClosed } from '../../helpers/store-mode';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';
import { makeTestCore } from '../../helpers/core';
import { insertProducts, makeDataset } from './tax-update-fixture';

interface PreviewOut {
  planHash: string;
  changes: { applicationCode: string; field: string; old: string | number; new: string | number; optionName?: string }[];
}

describe('preview ≡ applied (real SQLite)', () => {
  it('the database after apply equals the previewed plan', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('floor' as const, 'ceil' as const, 'round' as const),
        fc.integer({ min: 0, max: 15 }),
        async (seed, count, rounding, keepProducts) => {
          const t = await makeTestCore();
          try {
            const data = makeDataset(seed, count);
            insertProducts(t.core.db, data.products.slice(0, keepProducts)); // the rest count as deleted
            t.core.services.repos.subscriptions.replaceAll(data.apps, t.core.services.ports.now());
            const preview = await t.call<PreviewOut>('taxUpdate:preview', { eventId: PRESET_2019.id, rounding, limit: 200_000 });
            // the oracle: the pure in-memory plan over the same data, not the streamed engine
            const repos = t.core.services.repos;
            const expected = {
              plan: planTaxUpdate(repos.subscriptions.loadAll(), PRESET_2019, productTaxLookupFromDb(repos.products), rounding),
            };
            expect(planHash(expected.plan)).toBe(preview.planHash);
            expect(preview.changes).toEqual(expected.plan.changes);

            setStoreClosed(t.core, true);
            await t.call('taxUpdate:apply', {
              eventId: PRESET_2019.id,
              rounding,
              checked: [...TAX_UPDATE_CHECKLIST_IDS],
              understood: true,
              planHash: preview.planHash,
            });

            const after = t.core.services.repos.subscriptions.loadAll().map(toPlainApplication);
            expect(after).toEqual(expected.plan.updatedApplications.map(toPlainApplication));
            const stored = t.core.db
              .prepare('select application_code, field, option_name, old_value, new_value from tax_update_changes order by id')
              .raw()
              .all();
            expect(stored).toEqual(
              preview.changes.map((c) => [c.applicationCode, c.field, c.optionName ?? null, String(c.old), String(c.new)]),
            );
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
