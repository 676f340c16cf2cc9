/**
 * Once per database (app_state 'receivables.billing-terms.v1'): 得意先 written before the billing
 * terms existed get the defaults (翌月末, 前営業日, 伝票単位, 切り捨て), and the payment-service
 * customers (BC_CreditCard …) become 請求書を発行しない (入金管理のみ). It runs once, so a clerk's later
 * choice is never overwritten; it is idempotent anyway (only empty terms are filled).
 */
import { PAYMENT_SERVICE_CUSTOMER_CODES } from '../../../src-shared/receivables/payment-service-customers';
import type { Repositories } from '../repositories';

const KEY = 'receivables.billing-terms.v1';

/** Returns true when it ran (false: already done before). */
export function applyBillingTermDefaults(repos: Pick<Repositories, 'appState' | 'partners' | 'transaction'>, now: string): boolean {
  return repos.transaction(() => {
    if (repos.appState.get(KEY) !== null) return false;
    repos.partners.fillBillingTermDefaults(PAYMENT_SERVICE_CUSTOMER_CODES);
    repos.appState.set(KEY, '1', now);
    return true;
  });
}
