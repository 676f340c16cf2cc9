/**
 * Changes to a 得意先 that would rewrite billed history are refused (docs/receivables-rules.md):
 * once a customer has a 請求書, its 取引先種別, 請求区分 and 期首売掛金残高 stay as they were (and the
 * 期首残高 also once a receipt was applied to it). 締日 may change: it takes effect from the next period.
 */
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { CustomerTermsRepository } from './customer-terms-repository';
import type { LedgerRepository } from './ledger-repository';
import type { StatementRepository } from './statement-repository';

export function createPartnerGuard(customers: Pick<CustomerTermsRepository, 'billedFields'>, statements: Pick<StatementRepository, 'countFor'>, ledger: Pick<LedgerRepository, 'openingUsed'>) {
  // the fields it checks, from the 取引先 form or a CSV row (both are partnerInput's output)
  return (id: number, next: Readonly<Partial<Record<'kind' | 'billingType' | 'openingBalance', unknown>>>): void => {
    const current = customers.billedFields(id);
    if (!current || current.kind !== '得意先') return;
    const billed = statements.countFor(id) > 0;
    const problems: FieldProblem[] = [];
    const why = '請求書を発行済みの得意先のため変更できません。変更するには、先にこの得意先の請求書をすべて「締め取消」してください。';
    if (billed && next.kind !== current.kind) problems.push({ path: 'kind', message: `取引先種別は${why}` });
    if (billed && next.billingType !== current.billingType) problems.push({ path: 'billingType', message: `請求区分は${why}` });
    if (next.openingBalance !== current.openingBalance && (billed || ledger.openingUsed(id))) {
      problems.push({ path: 'openingBalance', message: `期首売掛金残高は${billed ? why : '入金の消込に使われているため変更できません。先にその入金伝票を確定取消してください。'}` });
    }
    if (problems.length > 0) throw new AppError('VALIDATION', '請求済みの内容に関わる項目は変更できません。各項目のメッセージを確認してください。', { fields: problems });
  };
}
