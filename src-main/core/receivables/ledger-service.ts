/**
 * 消込 and the read side of 売掛管理: applying unallocated money oldest first, the open amounts of a
 * customer, 売掛金残高一覧 with aging, and 入金予定. Balances and aging are computed as of a date from
 * the ledger (docs/receivables-rules.md); money not applied yet is applied virtually, oldest first, so
 * aging and 入金予定 never show an amount the customer already paid.
 */
import type { BalancesResult, ScheduleResult } from '../../../src-shared/receivables/balances';
import type { OpenItemsResult } from '../../../src-shared/receivables/payments';
import type { CustomerTermsRepository } from './customer-terms-repository';
import { createDueDateResolver } from './due-date-resolver';
import type { LedgerEntry, LedgerRepository } from './ledger-repository';
import type { ReceivablesDeps } from './receivables-deps';
import { agingTotals } from './rules/aging';
import { allocateOldestFirst, type Allocation } from './rules/allocation';
import { ledgerState, ledgerTotals } from './rules/ledger-state';
import type { StatementRepository } from './statement-repository';

export interface LedgerServiceRepos {
  customers: CustomerTermsRepository;
  statements: StatementRepository;
  ledger: LedgerRepository;
}

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const i of items) {
    const list = out.get(key(i)) ?? [];
    list.push(i);
    out.set(key(i), list);
  }
  return out;
}

export function createLedgerService(deps: Pick<ReceivablesDeps, 'today' | 'isPublicHoliday'>, repos: LedgerServiceRepos) {
  /** Applies every unallocated credit of the customer to its open debits, oldest first (call inside a transaction). */
  function applyCredits(customerId: number, now: string): Allocation[] {
    const { debits, credits } = ledgerState(repos.ledger.entries(customerId), repos.ledger.pairs(customerId));
    const { allocations } = allocateOldestFirst(
      credits.filter((c) => c.unallocated > 0),
      debits,
    );
    repos.ledger.insert(customerId, allocations, now);
    return allocations;
  }

  /** What the customer still owes, item by item (stored allocations only), and its unallocated money. */
  function openItems(customerId: number): OpenItemsResult {
    const terms = repos.customers.byId(customerId);
    const entries = repos.ledger.entries(customerId);
    const { debits, credits } = ledgerState(entries, repos.ledger.pairs(customerId));
    const resolve = createDueDateResolver(repos.statements, deps.isPublicHoliday, deps.today(), customerId);
    const byKey = new Map(entries.map((e) => [`${e.kind}:${e.id}`, e]));
    const items = debits
      .filter((d) => d.open > 0)
      .map((d) => {
        const e = byKey.get(`${d.kind}:${d.id}`)!;
        return { debitKind: d.kind, debitId: d.id, name: e.name, date: e.date, dueDate: resolve(terms, d.kind, d.id, e.date).dueDate, amount: e.amount, open: d.open };
      });
    return { items, unallocated: credits.reduce((s, c) => s + c.unallocated, 0) };
  }

  /** Open amounts per customer as of a date, after applying unallocated money virtually. */
  function effective(asOf: string) {
    const entries = repos.ledger.entries();
    const pairs = repos.ledger.pairs();
    const byCustomer = groupBy(entries, (e) => e.customerId);
    const pairsBy = groupBy(pairs, (p) => p.customerId);
    const resolve = createDueDateResolver(repos.statements, deps.isPublicHoliday, asOf);
    const terms = new Map(repos.customers.all().map((t) => [t.id, t]));
    const out: { customerId: number; entries: LedgerEntry[]; open: { dueDate: string; basis: '請求書' | '予定'; open: number }[]; unallocated: number }[] = [];
    for (const [customerId, list] of byCustomer) {
      const t = terms.get(customerId);
      if (!t) continue;
      const state = ledgerState(list, pairsBy.get(customerId) ?? [], asOf);
      const applied = allocateOldestFirst(state.credits.filter((c) => c.unallocated > 0), state.debits);
      const open = applied.debits
        .filter((d) => d.open > 0)
        .map((d) => ({ ...resolve(t, d.kind, d.id, d.date), open: d.open }));
      out.push({ customerId, entries: list, open, unallocated: applied.credits.reduce((s, c) => s + c.unallocated, 0) });
    }
    return { out, terms };
  }

  /** 売掛金残高一覧 with aging, as of a date (default today). */
  function balances(asOf = deps.today()): BalancesResult {
    const { out, terms } = effective(asOf);
    const rows = out
      .map((c) => {
        const t = terms.get(c.customerId)!;
        return { customerId: c.customerId, customer: t.code, customerName: t.name, ...ledgerTotals(c.entries, asOf), unallocated: c.unallocated, aging: agingTotals(c.open, asOf) };
      })
      .filter((r) => r.invoiced !== 0 || r.received !== 0)
      .sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
    return { asOf, rows };
  }

  /** 入金予定: open amounts per customer and 入金予定日 (as of a date, default today). */
  function schedule(asOf = deps.today()): ScheduleResult {
    const { out, terms } = effective(asOf);
    const rows: ScheduleResult['rows'] = [];
    for (const c of out) {
      const t = terms.get(c.customerId)!;
      const byDue = new Map<string, { amount: number; basis: '請求書' | '予定' }>();
      for (const o of c.open) {
        const acc = byDue.get(o.dueDate) ?? { amount: 0, basis: o.basis };
        acc.amount += o.open;
        if (o.basis === '請求書') acc.basis = '請求書';
        byDue.set(o.dueDate, acc);
      }
      for (const [dueDate, v] of byDue) {
        rows.push({ customerId: c.customerId, customer: t.code, customerName: t.name, dueDate, amount: v.amount, overdue: dueDate < asOf, basis: v.basis });
      }
    }
    rows.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
    return { asOf, rows };
  }

  return { applyCredits, openItems, balances, schedule };
}
export type LedgerService = ReturnType<typeof createLedgerService>;
