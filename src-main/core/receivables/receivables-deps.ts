/** What the 売掛管理 services need from the composition root: their repositories and a few ports. */
import type { Logger } from '../ports';
import type { Repositories } from '../repositories';

/** The repositories 売掛管理 reads and writes through (and their shared transaction). */
export type ReceivablesRepos = Pick<Repositories, 'company' | 'customerTerms' | 'statements' | 'payments' | 'receivablesLedger' | 'transaction'>;

export interface ReceivablesDeps {
  repos: ReceivablesRepos;
  /** ISO-8601 +09:00 of the clock's now */
  now(): string;
  /** today's JST date "YYYY-MM-DD" */
  today(): string;
  logger: Logger;
  /** Japanese public holidays (the bank-holiday shift of due dates) */
  isPublicHoliday(date: string): boolean;
}
