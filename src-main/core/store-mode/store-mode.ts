/**
 * 受付停止 mode (docs/glossary.md#schedules-app-state-and-logs): while on, imports, schedules and
 * edits of products and subscription applications are refused. Kept in app_state so it survives
 * restarts; every switch writes the 管理者ログ.
 */
import { AppError } from '../../../src-shared/errors';
import type { Repositories } from '../repositories';

export type StoreModeDeps = Pick<Repositories, 'appState' | 'adminLogs' | 'transaction'>;

export function createStoreMode(repos: StoreModeDeps, now: () => string) {
  const isClosed = (): boolean => repos.appState.flag('store.closed');
  return {
    isClosed,
    /** Throws STORE_CLOSED with what the user is trying to do, e.g. 「出荷取込処理」. */
    assertOpen(action: string): void {
      if (isClosed()) {
        throw new AppError(
          'STORE_CLOSED',
          `受付停止中のため${action}はできません。消費税自動更新が終わったら「受付再開」を行ってから、もう一度お試しください。`,
        );
      }
    },
    /** Sets the mode in one transaction with its log entry; switching to the current state writes nothing. */
    switch(closed: boolean): boolean {
      repos.transaction(() => {
        if (isClosed() === closed) return;
        const stamp = now();
        repos.appState.setFlag('store.closed', closed, stamp);
        repos.adminLogs.write(
          closed ? 'store.close' : 'store.open',
          closed ? '受付停止にしました(取込・スケジュール・商品と定期申込の編集を停止)。' : '受付再開しました。',
          stamp,
        );
      });
      return isClosed();
    },
  };
}

export type StoreMode = ReturnType<typeof createStoreMode>;
