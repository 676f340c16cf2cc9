/**
 * The 入金予定日 of every open amount (docs/receivables-rules.md): a billed invoice and a 消費税調整
 * are due when their 請求書 says; an invoice not billed yet is due on the date its customer's terms
 * project (the closing that will bill it + 回収サイト, or the invoice date + 回収サイト for 個別請求 and
 * 入金管理のみ customers); the 期首残高 is due with the first 請求書, or as an invoice dated today.
 */
import type { CustomerTerms } from './customer-terms-repository';
import type { StatementRepository } from './statement-repository';
import { projectedClosingDate, type LastClosing } from './rules/closing-calendar';
import { dueDate } from './rules/due-date';

export interface ResolvedDue {
  dueDate: string;
  /** 請求書: from a statement; 予定: projected from the terms */
  basis: '請求書' | '予定';
}

/** The projected 入金予定日 of an amount dated `date` that no statement has billed. */
export function projectedDueDate(date: string, terms: CustomerTerms, last: LastClosing | null, isPublicHoliday: (d: string) => boolean): string {
  if (terms.billingType === '締' && terms.closingDay !== null) {
    const closing = projectedClosingDate(date, terms.closingDay, terms.noStatement ? null : last);
    return dueDate(closing, terms.collection, isPublicHoliday);
  }
  return dueDate(date, terms.collection, isPublicHoliday);
}

export function createDueDateResolver(statements: StatementRepository, isPublicHoliday: (d: string) => boolean, today: string, customerId?: number) {
  const billed = statements.billedDueDates(customerId);
  const all = statements.dueDates(customerId);
  const byId = new Map(all.map((s) => [s.id, s]));
  const first = new Map<number, string>();
  for (const s of all) if (!first.has(s.customerId)) first.set(s.customerId, s.dueDate);
  const last = statements.closedThroughAll();

  return (terms: CustomerTerms, kind: 'opening' | 'invoice' | 'adjustment', id: number, date: string): ResolvedDue => {
    if (kind === 'invoice') {
      const due = billed.get(id);
      if (due) return { dueDate: due, basis: '請求書' };
    } else if (kind === 'adjustment') {
      const s = byId.get(id);
      if (s) return { dueDate: s.dueDate, basis: '請求書' };
    } else {
      const due = first.get(terms.id);
      if (due) return { dueDate: due, basis: '請求書' };
      return { dueDate: projectedDueDate(today, terms, last.get(terms.id) ?? null, isPublicHoliday), basis: '予定' };
    }
    return { dueDate: projectedDueDate(date, terms, last.get(terms.id) ?? null, isPublicHoliday), basis: '予定' };
  };
}
