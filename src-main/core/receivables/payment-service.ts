/**
 * 入金処理 (docs/receivables-rules.md): a 入金伝票 (date, customer, lines of 振込 / 現金 / 手形 / 相殺 /
 * 振込手数料 …) is confirmed on entry and applied to open amounts oldest first, or by hand to the
 * ones named. What is not applied stays unallocated and is applied later (the next receipt, the
 * next closing, or 「未消込の入金を充当」). 確定取消 removes its 消込, which reopens its invoices.
 * A receipt dated inside a closed period is refused, and so is 確定取消 of one a 請求書 includes.
 */
import { AppError } from '../../../src-shared/errors';
import type { PaymentDetail, PaymentRecordInput, PaymentRecordResult, PaymentRow } from '../../../src-shared/receivables/payments';
import type { CustomerTermsRepository } from './customer-terms-repository';
import type { LedgerRepository } from './ledger-repository';
import type { LedgerService } from './ledger-service';
import type { PaymentRepository } from './payment-repository';
import type { ReceivablesDeps } from './receivables-deps';
import { manualAllocationProblems, type Allocation } from './rules/allocation';
import { closedPeriodMessage, isInClosedPeriod } from './rules/closed-period';
import { ledgerState } from './rules/ledger-state';
import type { StatementRepository } from './statement-repository';

export interface PaymentRepos {
  customers: CustomerTermsRepository;
  statements: StatementRepository;
  payments: PaymentRepository;
  ledger: LedgerRepository;
}

export function createPaymentService(deps: ReceivablesDeps, repos: PaymentRepos, ledger: LedgerService) {
  const log = deps.logger;

  function assertOpenPeriod(customerId: number, date: string, what: string): void {
    const closed = repos.statements.lastClosing(customerId)?.closingDate ?? null;
    if (isInClosedPeriod(date, closed)) throw new AppError('VALIDATION', closedPeriodMessage(what, date, closed!), { fields: [{ path: 'date', message: closedPeriodMessage(what, date, closed!) }] });
  }

  /** The allocations of one payment, named for people (受注番号 …). */
  function allocationViews(paymentId: number, customerId: number): PaymentRecordResult['allocations'] {
    return viewsOf(repos.ledger.pairs(customerId).filter((p) => p.creditKind === 'payment' && p.creditId === paymentId));
  }

  function viewsOf(pairs: readonly Allocation[]): PaymentRecordResult['allocations'] {
    const names = repos.ledger.invoiceNames(pairs.filter((p) => p.debitKind === 'invoice').map((p) => p.debitId));
    return pairs.map((p) => ({
      debitKind: p.debitKind,
      debitId: p.debitId,
      name: p.debitKind === 'invoice' ? (names.get(p.debitId)?.name ?? `#${p.debitId}`) : p.debitKind === 'adjustment' ? `消費税調整(請求書 No.${p.debitId})` : '期首残高',
      date: p.debitKind === 'invoice' ? (names.get(p.debitId)?.date ?? '') : '',
      amount: p.amount,
    }));
  }

  function result(paymentId: number, customerId: number, total: number): PaymentRecordResult {
    const allocations = allocationViews(paymentId, customerId);
    return { paymentId, allocations, unallocated: total - allocations.reduce((s, a) => s + a.amount, 0) };
  }

  /** Applies a new or re-confirmed payment: by hand when allocations are given, else oldest first. */
  function apply(customerId: number, paymentId: number, total: number, manual: PaymentRecordInput['allocations'], now: string): void {
    if (manual === undefined) {
      ledger.applyCredits(customerId, now);
      return;
    }
    const { debits } = ledgerState(repos.ledger.entries(customerId), repos.ledger.pairs(customerId));
    const names = repos.ledger.invoiceNames(manual.filter((m) => m.debitKind === 'invoice').map((m) => m.debitId));
    const labelled = manual.map((m) => ({ ...m, label: m.debitKind === 'invoice' ? `請求伝票 ${names.get(m.debitId)?.name ?? `#${m.debitId}`}` : m.debitKind === 'opening' ? '期首残高' : `消費税調整(請求書 No.${m.debitId})` }));
    const problems = manualAllocationProblems(total, labelled, debits);
    if (problems.length > 0) {
      throw new AppError('VALIDATION', `消込の指定に誤りがあるため、入金を登録していません。${problems.join(' ')}`, {
        fields: problems.map((message) => ({ path: 'allocations', message })),
      });
    }
    repos.ledger.insert(
      customerId,
      manual.map((m) => ({ creditKind: 'payment', creditId: paymentId, debitKind: m.debitKind, debitId: m.debitId, amount: m.amount })),
      now,
    );
  }

  return {
    /** Records a confirmed 入金伝票 and applies it; everything in one transaction. */
    record(input: PaymentRecordInput): PaymentRecordResult {
      const terms = repos.customers.byId(input.customerId);
      assertOpenPeriod(terms.id, input.date, '入金を登録');
      const total = input.lines.reduce((s, l) => s + l.amount, 0);
      const now = deps.now();
      const id = deps.repos.transaction(() => {
        const paymentId = repos.payments.insert({ customerId: terms.id, date: input.date, lines: input.lines, memo: input.memo ?? null }, now);
        apply(terms.id, paymentId, total, input.allocations, now);
        return paymentId;
      }, { immediate: true });
      log.info('payment recorded', { id, customer: terms.code, total });
      return result(id, terms.id, total);
    },
    /** 確定取消: its 消込 are removed (the invoices reopen) and it stops counting as received. */
    unconfirm(id: number): PaymentRow {
      const p = repos.payments.find(id);
      if (!p) throw new AppError('NOT_FOUND', `入金伝票 No.${id} が見つかりません。一覧を更新してください。`);
      if (!p.confirmed) return p;
      if (p.statementId !== null) {
        throw new AppError('CONFIRMED_LOCKED', `入金伝票 No.${id} は請求書 No.${p.statementId} の今回入金額に含まれているため、確定取消できません。先にその請求書を「締め取消」してください。`);
      }
      deps.repos.transaction(() => {
        repos.ledger.removeFromCredit('payment', id);
        repos.payments.setConfirmed(id, false, deps.now());
      });
      log.info('payment unconfirmed', { id });
      return repos.payments.find(id)!;
    },
    /** 確定 again: applied oldest first. */
    confirm(id: number): PaymentRecordResult {
      const p = repos.payments.find(id);
      if (!p) throw new AppError('NOT_FOUND', `入金伝票 No.${id} が見つかりません。一覧を更新してください。`);
      if (!p.confirmed) {
        assertOpenPeriod(p.customerId, p.date, '入金を確定');
        const now = deps.now();
        deps.repos.transaction(() => {
          repos.payments.setConfirmed(id, true, now);
          ledger.applyCredits(p.customerId, now);
        }, { immediate: true });
      }
      return result(id, p.customerId, p.total);
    },
    /** Deletes an unconfirmed 入金伝票. */
    remove(id: number): void {
      const p = repos.payments.find(id);
      if (!p) throw new AppError('NOT_FOUND', `入金伝票 No.${id} が見つかりません。一覧を更新してください。`);
      if (p.confirmed) throw new AppError('CONFIRMED_LOCKED', `入金伝票 No.${id} は確定済みのため削除できません。先に「確定取消」をしてください。`);
      deps.repos.transaction(() => repos.payments.remove(id));
    },
    /** 未消込の入金を充当: applies every unallocated amount of the customer, oldest first. */
    applyCredits(customerId: number): { allocations: number; amount: number } {
      repos.customers.byId(customerId);
      const made = deps.repos.transaction(() => ledger.applyCredits(customerId, deps.now()));
      return { allocations: made.length, amount: made.reduce((s, a) => s + a.amount, 0) };
    },
    list(filter: Parameters<PaymentRepository['list']>[0]): PaymentRow[] {
      return repos.payments.list(filter);
    },
    get(id: number): PaymentDetail {
      const p = repos.payments.find(id);
      if (!p) throw new AppError('NOT_FOUND', `入金伝票 No.${id} が見つかりません。一覧を更新してください。`);
      return { ...p, allocations: allocationViews(id, p.customerId) };
    },
  };
}
export type PaymentService = ReturnType<typeof createPaymentService>;
