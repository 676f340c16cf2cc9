/**
 * Fills net / tax / gross (docs/glossary.md#money-basis) on slips written before those columns
 * existed, with the same rules as the import: an invoice's lines are apportioned from its stored
 * per-rate totals (BCart's figures), a 出荷伝票's from the app's tax once per slip per rate with its
 * setting's rounding. Runs at start in batches, each batch one transaction; idempotent (only rows
 * still null are read), so an interrupted start simply continues next time.
 */
import type { Repositories } from '../repositories';
import { appRateFigures, linesFromRates, sumMoney } from '../import/mapping/money-basis';

const BATCH = 500;

/** Returns how many slips were filled. */
export function fillMoneyBasis(repos: Pick<Repositories, 'slips' | 'transaction'>): number {
  let filled = 0;
  for (;;) {
    const n = repos.transaction(
      () => {
        const todo = repos.slips.slipsWithoutMoney(BATCH);
        for (const s of todo.shipments) {
          const money = linesFromRates(s.lines, appRateFigures(s.lines, s.rounding));
          repos.slips.setMoney('shipment', s.id, sumMoney(money), s.lines.map((l, i) => ({ id: l.id, money: money[i]! })));
        }
        for (const inv of todo.invoices) {
          const money = linesFromRates(inv.lines, inv.rates);
          repos.slips.setMoney('invoice', inv.id, sumMoney(money), inv.lines.map((l, i) => ({ id: l.id, money: money[i]! })));
        }
        return todo.shipments.length + todo.invoices.length;
      },
      { immediate: true },
    );
    filled += n;
    if (n === 0) return filled;
  }
}
