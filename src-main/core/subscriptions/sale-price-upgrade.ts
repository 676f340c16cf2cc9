/**
 * Once per database (app_state 'subscriptions.sale-prices.v1'): 定期申込 written before their 販売価格
 * were stored get them, computed as an import stores them (at the application's own rates, 税抜 tax
 * 切り捨て; docs/tax-rules.md#targets-and-once-only). Only empty figures are filled, so it is
 * idempotent anyway; the key keeps later starts from reading every application again.
 */
import type { Repositories } from '../repositories';

const KEY = 'subscriptions.sale-prices.v1';

/** Returns true when it ran (false: already done before). */
export function fillSalePrices(repos: Pick<Repositories, 'appState' | 'subscriptions' | 'transaction'>, now: string): boolean {
  return repos.transaction(() => {
    if (repos.appState.get(KEY) !== null) return false;
    repos.subscriptions.fillMissingSalePrices();
    repos.appState.set(KEY, '1', now);
    return true;
  });
}
