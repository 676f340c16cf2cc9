/**
 * The streamed engine against the pure in-memory plan (the oracle), at chunk boundaries: for random
 * data sets and chunk sizes from 1 up to more than the data, the plan streamed from a real SQLite
 * file has the same counts, totals, fingerprint, change list (in order) and sale prices as
 * planTaxUpdate over the same applications loaded whole, and writing its staged rows gives exactly
 * the plan's updatedApplications. Codes with characters beyond U+FFFF and in U+E000–U+FFFF check
 * that SQLite's order of the codes is the plan's order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPlainApplication } from '../../../src-main/core/subscriptions/subscription-repository';
import { planHash } from '../../../src-main/core/tax-update/plan-hash';
import { streamPlan } from '../../../src-main/core/tax-update/plan-stream';
import { productTaxLookupFromDb } from '../../../src-main/core/tax-update/product-tax-lookup-db';
import { planTaxUpdate } from '../../../src-shared/tax-update/plan';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { AppError } from '../../../src-shared/errors';
import { makeTestCore } from '../../helpers/core';
import { insertProducts, makeDataset } from './tax-update-fixture';

/** codes whose UTF-16 order differs from their code-point order */
const AWKWARD_CODES = ['S\u{1F600}', 'S\uFF21', 'S\uE000', 'S\u{20000}x', 'S'];

describe('the streamed plan ≡ the pure plan', () => {
  it('at every chunk size: counts, totals, hash, changes, sale prices and written rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('floor' as const, 'ceil' as const, 'round' as const),
        fc.boolean(),
        async (seed, count, chunk, rounding, awkward) => {
          const t = await makeTestCore();
          try {
            const data = makeDataset(seed, count);
            if (awkward) data.apps.forEach((a, i) => (a.code = `${AWKWARD_CODES[i % AWKWARD_CODES.length]}${i}`));
            insertProducts(t.core.db, data.products.slice(0, 10));
            const repos = t.core.services.repos;
            repos.subscriptions.replaceAll(data.apps, t.core.services.ports.now());
            const expected = planTaxUpdate(repos.subscriptions.loadAll(), PRESET_2019, productTaxLookupFromDb(repos.products), rounding);

            const streamed = repos.transaction(() => streamPlan(repos, PRESET_2019, rounding, chunk));
            expect(streamed).toEqual({
              eventId: expected.eventId,
              mode: expected.mode,
              targets: expected.targets,
              totals: expected.totals,
              hash: planHash(expected),
              changeCount: expected.changes.length,
            });
            expect([...repos.taxUpdate.plan.eachChange()]).toEqual(expected.changes);
            const codes = expected.salePrices.map((s) => s.applicationCode);
            const sales = codes.length === 0 ? [] : repos.taxUpdate.plan.salePrices(codes[0]!, codes[codes.length - 1]!);
            expect(sales).toEqual(expected.salePrices);

            repos.transaction(() => repos.subscriptions.rerated.apply(t.core.services.ports.now()));
            const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
            expect(repos.subscriptions.loadAll().map(toPlainApplication).sort(byCode)).toEqual(
              expected.updatedApplications.map(toPlainApplication).sort(byCode),
            );
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('an invalid target anywhere in the stream: VALIDATION with every problem, and the previous plan stays', async () => {
    const t = await makeTestCore();
    try {
      const data = makeDataset(7, 25);
      const repos = t.core.services.repos;
      repos.subscriptions.replaceAll(data.apps, t.core.services.ports.now());
      const first = repos.transaction(() => streamPlan(repos, PRESET_2019, 'floor', 4));
      const before = [...repos.taxUpdate.plan.eachChange()];
      // two targets with a non-integer price, in different chunks
      const targets = data.apps.filter((a) => a.status === '継続中' && !a.orderProcessed && a.standardRate === 8);
      const bad = [targets[1]!, targets[targets.length - 1]!].map((a) => a.code);
      t.core.db
        .prepare(
          `update subscription_items set first_price = 1.5 where application_id in (select id from subscription_applications where code in (?, ?))`,
        )
        .run(...bad);
      let err: unknown;
      try {
        repos.transaction(() => streamPlan(repos, PRESET_2019, 'floor', 4));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      const e = err as AppError;
      expect(e.code).toBe('VALIDATION');
      const paths = (e.fields ?? []).map((f) => f.path.split('.')[0]);
      expect(new Set(paths)).toEqual(new Set(bad));
      expect([...repos.taxUpdate.plan.eachChange()]).toEqual(before);
      expect(first.changeCount).toBe(before.length);
    } finally {
      t.close();
    }
  });
});
