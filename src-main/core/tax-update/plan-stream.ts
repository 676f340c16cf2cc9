/**
 * The tax-update plan over the database in bounded memory (docs/tax-rules.md#re-rating-in-the-tax-update):
 * the applications are read in code order a chunk at a time, each target is planned by the same
 * pure accumulator as the in-memory plan, and what the plan produces goes straight to the
 * database — the change list and sale prices to the plan scratch (the preview pages through it),
 * the rerated rows to the subscriptions' stage (apply writes them) — while the fingerprint is
 * hashed change by change. Nothing grows with the number of applications but the two TEMP tables,
 * which SQLite keeps in a temporary file.
 */
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import { createPlanAccumulator, type PlanSummary } from '../../../src-shared/tax-update/plan';
import type { RateChangeEvent } from '../../../src-shared/tax-update/types';
import type { Repositories } from '../repositories';
import { createPlanHasher } from './plan-hash';
import { productTaxLookupFromDb } from './product-tax-lookup-db';

/** Applications per chunk: a few MB of objects; larger chunks measured no faster in bench/tax-update.bench.ts. */
export const PLAN_CHUNK = 1000;

/** A plan that was streamed into the database: its counts, totals and fingerprint. */
export interface StreamedPlan extends PlanSummary {
  hash: string;
  changeCount: number;
}

/**
 * Streams the plan of `event` with `rounding` into the plan scratch and the rerated stage,
 * replacing what they held. Call inside a transaction: a VALIDATION error (thrown at the end, with
 * every problem) then leaves the previous plan as it was.
 */
export function streamPlan(
  repos: Pick<Repositories, 'subscriptions' | 'products' | 'taxUpdate'>,
  event: RateChangeEvent,
  rounding: RoundingMode,
  chunkSize = PLAN_CHUNK,
): StreamedPlan {
  const acc = createPlanAccumulator(event, productTaxLookupFromDb(repos.products), rounding);
  const hasher = createPlanHasher(event.id, rounding);
  repos.taxUpdate.plan.clear();
  repos.subscriptions.rerated.clear();
  const scratch = repos.taxUpdate.plan.writer();
  const stage = repos.subscriptions.rerated.writer();
  let changeCount = 0;
  let after: string | null = null;
  for (;;) {
    const chunk = repos.subscriptions.chunkByCode(after, chunkSize);
    if (chunk.length === 0) break;
    for (const app of chunk) {
      const r = acc.add(app);
      if (r === null) continue;
      for (const c of r.changes) {
        hasher.add(c);
        scratch.change(c);
      }
      changeCount += r.changes.length;
      scratch.sale(r.salePrices);
      stage.add(app, r.app);
    }
    after = chunk[chunk.length - 1]!.code;
  }
  scratch.flush();
  stage.flush();
  const summary = acc.finish();
  return { ...summary, hash: hasher.digest(summary.targets), changeCount };
}
