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

/**
 * The 入荷 and 在庫移動 workflows stock slips are stamped with (入荷管理 / 在庫移動管理), confirmed.
 * Idempotent and run at every start, so databases created before stock slips existed get them too;
 * a kind that already has a workflow (the clerk made one) gets none.
 */
export function seedStockWorkflows(repos: Pick<Repositories, 'workflows' | 'transaction'>, now: string): number {
  return repos.transaction(() => {
    const missing = (
      [
        { code: 'RECEIPT', name: '入荷管理', kind: '入荷' },
        { code: 'TRANSFER', name: '在庫移動管理', kind: '在庫移動' },
      ] as const
    ).filter((w) => repos.workflows.firstIdOfKind(w.kind) === null);
    repos.workflows.seedConfirmed([...missing], now);
    return missing.length;
  });
}
