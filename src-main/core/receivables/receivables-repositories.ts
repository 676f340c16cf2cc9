/**
 * The repositories of 売掛管理, part of the core's Repositories (repositories.ts): each the only
 * writer of its tables — 自社情報 (company_info, company_bank_accounts), 請求書 (statements and their
 * invoices / tax rows), 入金伝票 (payments, payment_lines) and 消込 (allocations). The 得意先 terms are
 * read here; the masters' repository writes partners.
 */
import type { Db } from '../db/db-handle';
import { createCompanyRepository, type CompanyRepository } from './company-repository';
import { createCustomerTermsRepository, type CustomerTermsRepository } from './customer-terms-repository';
import { createLedgerRepository, type LedgerRepository } from './ledger-repository';
import { createPaymentRepository, type PaymentRepository } from './payment-repository';
import { createStatementRepository, type StatementRepository } from './statement-repository';

export interface ReceivablesRepositories {
  /** 自社情報 and its 振込先 */
  company: CompanyRepository;
  /** 得意先 with their billing terms (read-only) */
  customerTerms: CustomerTermsRepository;
  /** 請求書 (請求締め, 個別請求) */
  statements: StatementRepository;
  /** 入金伝票 */
  payments: PaymentRepository;
  /** what each customer owes and paid, and the 消込 between them */
  receivablesLedger: LedgerRepository;
}

export function createReceivablesRepositories(db: Db, now: () => string): ReceivablesRepositories {
  return {
    company: createCompanyRepository(db, now),
    customerTerms: createCustomerTermsRepository(db),
    statements: createStatementRepository(db),
    payments: createPaymentRepository(db),
    receivablesLedger: createLedgerRepository(db),
  };
}
