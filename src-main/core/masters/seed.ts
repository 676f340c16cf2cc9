/**
 * First-run data (docs/glossary.md#masters): the standard tax classes 標準10% / 軽減8% / 非課税0% and the
 * workflows 出荷管理 and 請求管理(繰越なし), all confirmed so EC連携設定 can use them at once.
 * Runs in one transaction and only once (app_state 'seed.v1').
 */
import type { Repositories } from '../repositories';

export function seedFirstRun(repos: Pick<Repositories, 'appState' | 'taxClasses' | 'workflows' | 'transaction'>, now: string): boolean {
  if (repos.appState.get('seed.v1') !== null) return false;
  repos.transaction(() => {
    repos.taxClasses.seedConfirmed(
      [
        { code: 'STD10', name: '標準10%', rate: 10, kind: '標準' },
        { code: 'RED08', name: '軽減8%', rate: 8, kind: '軽減' },
        { code: 'EXM00', name: '非課税0%', rate: 0, kind: '非課税' },
      ],
      now,
    );
    repos.workflows.seedConfirmed(
      [
        { code: 'SHIP', name: '出荷管理', kind: '出荷' },
        { code: 'BILL', name: '請求管理(繰越なし)', kind: '請求' },
      ],
      now,
    );
    repos.appState.set('seed.v1', '1', now);
  });
  return true;
}
