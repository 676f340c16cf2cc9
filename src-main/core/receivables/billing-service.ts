/**
 * 請求締め (docs/receivables-rules.md). `close(date)` makes one 請求書 for every 締請求 customer whose
 * open period ends on that date: 前回請求額 (the last 今回請求額, or the 期首残高), 今回入金額 (every
 * receipt dated up to the date not on an earlier 請求書), 今回売上 per rate of every invoice dated up
 * to the date not billed yet (one dated inside an earlier closed period is billed here with a 要確認
 * note), and the 入金予定日 from the 回収サイト. `issue(date)` makes the 個別請求 ones, one per invoice.
 * Everything of one call is planned and written in one transaction, then unallocated money is applied.
 * 締め取消 removes a 請求書 while no later closing of that customer exists.
 */
import { AppError } from '../../../src-shared/errors';
import type { ClosingResult, ClosingSkip, StatementDetail, StatementRow, StatementSummary } from '../../../src-shared/receivables/statements';
import { closingDayLabel } from '../../../src-shared/masters/partner';
import type { CustomerTerms, CustomerTermsRepository } from './customer-terms-repository';
import type { LedgerService } from './ledger-service';
import type { ReceivablesDeps } from './receivables-deps';
import { checkClosing, type ClosingCheck } from './rules/closing-calendar';
import { dueDate } from './rules/due-date';
import { invoiceRatesMatchTotal, statementFigures } from './rules/statement-figures';
import type { StatementRepository, StatementWrite } from './statement-repository';

export interface BillingRepos {
  customers: CustomerTermsRepository;
  statements: StatementRepository;
}

interface Plan {
  terms: CustomerTerms;
  write: StatementWrite;
}

const SKIP_REASONS: Record<Exclude<ClosingCheck, { due: true }>['reason'], (c: CustomerTerms, expected: string | null) => string> = {
  'already-closed': (_c, expected) => `この日付まで締め済みです${expected ? `(次の締めは ${expected})` : ''}。`,
  'not-closing-day': (c, expected) => `締日(${closingDayLabel(c.closingDay)})ではありません${expected ? `(次の締めは ${expected})` : ''}。`,
  'earlier-closing-pending': (_c, expected) => `前の締め(${expected})がまだです。先に ${expected} の締めを行ってください。`,
};

export function createBillingService(deps: ReceivablesDeps, repos: BillingRepos, ledger: LedgerService) {
  const log = deps.logger;

  function summary(terms: CustomerTerms, id: number, w: StatementWrite): StatementSummary {
    const f = w.figures;
    return {
      statementId: id,
      kind: w.kind,
      customer: terms.code,
      customerName: terms.name,
      closingDate: w.closingDate,
      periodFrom: w.periodFrom,
      previous: f.previous,
      received: f.received,
      carriedOver: f.carriedOver,
      sales: f.sales.map((s) => ({ rate: s.rate, net: s.net, tax: s.tax })),
      salesTotal: f.salesTotal,
      taxAdjustment: f.taxAdjustment,
      total: f.total,
      dueDate: w.dueDate,
      needsReview: w.invoices.some((i) => i.late),
    };
  }

  function assertBillable(invs: { name: string; total: number; byRate: { rate: number; net: number; tax: number }[] }[]): void {
    const bad = invs.filter((i) => !invoiceRatesMatchTotal(i));
    if (bad.length > 0) {
      throw new AppError(
        'VALIDATION',
        `請求伝票 ${bad.map((b) => b.name).slice(0, 5).join('、')} の税率別合計が請求額と一致しないため、請求書を作れません。請求伝票の税率別合計を確認してください。`,
      );
    }
  }

  /** The closing plan of one 締請求 customer on `date`, or why there is none. */
  function planClosing(terms: CustomerTerms, date: string): Plan | ClosingSkip {
    const skip = (reason: string): ClosingSkip => ({ customer: terms.code, customerName: terms.name, reason });
    if (terms.noStatement) return skip('請求書を発行しない得意先(入金管理のみ)です。');
    if (terms.billingType !== '締' || terms.closingDay === null) return skip('締請求の得意先ではありません(個別請求)。');
    const last = repos.statements.lastClosing(terms.id);
    const check = checkClosing(date, terms.closingDay, last);
    if (!check.due) return skip(SKIP_REASONS[check.reason](terms, check.expected));
    const invs = repos.statements.unbilledInvoices(terms.id, date);
    assertBillable(invs);
    const receipts = repos.statements.unbilledPayments(terms.id, date);
    const previous = last === null ? terms.openingBalance : (repos.statements.find(last.id)?.s.total ?? 0);
    if (invs.length === 0 && receipts.length === 0 && previous === 0) return skip('今回の売上・入金がなく、前回請求額も0円のため、請求書は作りません。');
    const figures = statementFigures({ previous, receipts: receipts.map((r) => r.total), invoices: invs, taxUnit: terms.taxUnit, rounding: terms.taxRounding });
    return {
      terms,
      write: {
        customerId: terms.id,
        kind: '締',
        closingDate: date,
        // the first 請求書 also bills anything dated before its nominal period: show where it starts
        periodFrom: last === null ? [check.periodFrom, ...invs.map((i) => i.date)].sort()[0]! : check.periodFrom,
        closingDay: check.closingDay,
        figures,
        dueDate: dueDate(date, terms.collection, deps.isPublicHoliday),
        taxUnit: terms.taxUnit,
        taxRounding: terms.taxRounding,
        // dated inside an already closed period: it arrived after that closing (an import)
        invoices: invs.map((i) => ({ id: i.id, late: last !== null && i.date <= last.closingDate })),
        paymentIds: receipts.map((r) => r.id),
      },
    };
  }

  /** 個別請求: one plan per invoice not billed yet, dated up to `date`. */
  function planIndividual(terms: CustomerTerms, date: string): Plan[] | ClosingSkip {
    const skip = (reason: string): ClosingSkip => ({ customer: terms.code, customerName: terms.name, reason });
    if (terms.noStatement) return skip('請求書を発行しない得意先(入金管理のみ)です。');
    if (terms.billingType !== '個別') return skip('個別請求の得意先ではありません(締請求)。');
    const invs = repos.statements.unbilledInvoices(terms.id, date);
    assertBillable(invs);
    return invs.map((inv) => ({
      terms,
      write: {
        customerId: terms.id,
        kind: '個別' as const,
        closingDate: inv.date,
        periodFrom: inv.date,
        closingDay: null,
        figures: statementFigures({ previous: 0, receipts: [], invoices: [inv], taxUnit: terms.taxUnit, rounding: terms.taxRounding }),
        dueDate: dueDate(inv.date, terms.collection, deps.isPublicHoliday),
        taxUnit: terms.taxUnit,
        taxRounding: terms.taxRounding,
        invoices: [{ id: inv.id, late: false }],
        paymentIds: [],
      },
    }));
  }

  function targets(customer: string | undefined, billingType: '締' | '個別'): CustomerTerms[] {
    if (customer !== undefined) return [repos.customers.byCode(customer)];
    return repos.customers.all().filter((c) => c.billingType === billingType && !c.noStatement);
  }

  function plan(date: string, customer: string | undefined, kind: '締' | '個別'): { plans: Plan[]; skipped: ClosingSkip[] } {
    const plans: Plan[] = [];
    const skipped: ClosingSkip[] = [];
    for (const terms of targets(customer, kind)) {
      const p = kind === '締' ? planClosing(terms, date) : planIndividual(terms, date);
      if (Array.isArray(p)) plans.push(...p);
      else if ('write' in p) plans.push(p);
      else skipped.push(p);
    }
    // asked for one customer: say why nothing was made instead of answering an empty list
    if (customer !== undefined && plans.length === 0 && skipped.length > 0) {
      throw new AppError('VALIDATION', `得意先「${skipped[0]!.customer}」の請求書を作れません: ${skipped[0]!.reason}`);
    }
    return { plans, skipped };
  }

  /**
   * Plans and writes in ONE immediate transaction: the figures (前回請求額, 入金, 売上) are read
   * under the write lock, so a payment or an import committed by another process (the CLI, a
   * second window) cannot land between reading and writing, and two closings of the same
   * customer and date cannot both be planned from the same open period.
   */
  function planAndWrite(date: string, customer: string | undefined, kind: '締' | '個別'): ClosingResult {
    const now = deps.now();
    const result = deps.repos.transaction(() => {
      const { plans, skipped } = plan(date, customer, kind);
      const statements = plans.map((p) => summary(p.terms, repos.statements.insert(p.write, now), p.write));
      for (const customerId of new Set(plans.map((p) => p.terms.id))) ledger.applyCredits(customerId, now);
      return { statements, skipped };
    }, { immediate: true });
    if (result.statements.length > 0) log.info('statements created', { count: result.statements.length, ids: result.statements.map((r) => r.statementId) });
    return result;
  }

  return {
    /** What `close` would make, without writing. */
    preview(date: string, customer?: string): ClosingResult {
      const { plans, skipped } = plan(date, customer, customerKind(customer, '締'));
      return { statements: plans.map((p) => summary(p.terms, 0, p.write)), skipped };
    },
    /** 請求締め on `date` (a 個別請求 customer named with `customer` gets its 個別 請求書 instead). */
    close(date: string, customer?: string): ClosingResult {
      return planAndWrite(date, customer, customerKind(customer, '締'));
    },
    /** 個別請求: one 請求書 per invoice dated up to `date`. */
    issue(date: string, customer?: string): ClosingResult {
      return planAndWrite(date, customer, '個別');
    },
    /** 締め取消. */
    undo(id: number): void {
      const found = repos.statements.find(id);
      if (!found) throw new AppError('NOT_FOUND', `請求書 No.${id} が見つかりません。一覧を更新してください。`);
      if (found.s.kind === '締') {
        const last = repos.statements.lastClosing(found.s.customerId);
        if (last && last.id !== id) {
          throw new AppError('CONFLICT', `請求書 No.${id} より後の締め(${last.closingDate})があるため、締め取消できません。後の締めから順に取り消してください。`);
        }
      }
      deps.repos.transaction(() => repos.statements.remove(id, deps.now()));
      log.info('statement undone', { id, customerId: found.s.customerId, closingDate: found.s.closingDate });
    },
    list(filter: Parameters<StatementRepository['list']>[0]): StatementRow[] {
      const lastIds = new Map<number, number>();
      return repos.statements.list(filter).map((r) => rowOf(r, lastIds));
    },
    get(id: number): StatementDetail {
      const found = repos.statements.find(id);
      if (!found) throw new AppError('NOT_FOUND', `請求書 No.${id} が見つかりません。一覧を更新してください。`);
      const row = rowOf(found, new Map());
      return {
        ...row,
        salesByRate: repos.statements.taxRows(id),
        invoices: repos.statements.billedInvoices(id).map((i) => ({ invoiceId: i.id, name: i.name, date: i.date, total: i.total, late: i.late, byRate: i.byRate })),
        payments: repos.statements.includedPayments(id).map((p) => ({ paymentId: p.id, date: p.date, total: p.total, kinds: p.kinds })),
      };
    },
  };

  /** 締請求 unless the one customer asked for is a 個別請求 one. */
  function customerKind(customer: string | undefined, fallback: '締' | '個別'): '締' | '個別' {
    if (customer === undefined) return fallback;
    return repos.customers.byCode(customer).billingType;
  }

  function rowOf(r: NonNullable<ReturnType<StatementRepository['find']>>, lastIds: Map<number, number>): StatementRow {
    const s = r.s;
    if (s.kind === '締' && !lastIds.has(s.customerId)) lastIds.set(s.customerId, repos.statements.lastClosing(s.customerId)?.id ?? 0);
    const rates = repos.statements.taxRows(s.id);
    return {
      statementId: s.id,
      kind: s.kind,
      customer: r.customer,
      customerName: r.customerName,
      closingDate: s.closingDate,
      periodFrom: s.periodFrom,
      previous: s.previous,
      received: s.received,
      carriedOver: s.carriedOver,
      sales: rates.map((t) => ({ rate: t.rate, net: t.net, tax: t.tax })),
      salesNet: s.salesNet,
      salesTax: s.salesTax,
      salesTotal: s.salesTotal,
      taxAdjustment: s.taxAdjustment,
      total: s.total,
      dueDate: s.dueDate,
      needsReview: s.needsReview,
      taxUnit: s.taxUnit,
      taxRounding: s.taxRounding,
      createdAt: s.createdAt,
      canUndo: s.kind === '個別' || lastIds.get(s.customerId) === s.id,
    };
  }
}
export type BillingService = ReturnType<typeof createBillingService>;
