/**
 * 受付停止 / 受付再開 over IPC. Each switch writes the 管理者ログ and announces the roots app (the
 * banner, driven by app:info.storeClosed) and taxUpdate (the 管理者ログ) so both refresh at once.
 */
import type { CoreContext } from '../core-context';
import { emitDataChanged } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import { isStoreClosed, setStoreClosed } from './store-mode';
import { writeAdminLog } from '../tax-update/admin-log';

/** Sets the mode in one transaction with its log entry; switching to the current state writes nothing. */
export function switchStoreMode(ctx: Pick<CoreContext, 'db' | 'now'>, closed: boolean): boolean {
  const { db } = ctx;
  db.transaction(() => {
    if (isStoreClosed(db) === closed) return;
    const now = ctx.now();
    setStoreClosed(db, closed, now);
    writeAdminLog(
      db,
      closed ? 'store.close' : 'store.open',
      closed ? '受付停止にしました(取込・スケジュール・商品と定期申込の編集を停止)。' : '受付再開しました。',
      now,
    );
  })();
  return isStoreClosed(db);
}

export function createStoreHandlers(ctx: CoreContext): Pick<Handlers, 'store:close' | 'store:open'> {
  const set = (closed: boolean) => {
    const storeClosed = switchStoreMode(ctx, closed);
    emitDataChanged(ctx.events, 'app', 'taxUpdate');
    return { storeClosed };
  };
  return {
    'store:close': () => set(true),
    'store:open': () => set(false),
  };
}
