/**
 * 受付停止 / 受付再開. The state lives in main (app_state); the switch changes the roots app (the
 * banner and every screen that reads app:info) and taxUpdate (its 管理者ログ line).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { appQueries } from '../../queries/app';

/** app:info's 受付停止 flag (the same query as the banner in App.tsx). */
export function useStoreClosed(): boolean | undefined {
  const info = useQuery(appQueries.info());
  return info.data?.storeClosed;
}

export function StoreModeButtons() {
  const info = useQuery(appQueries.info());
  const closed = info.data?.storeClosed;
  const toggle = useMutation({
    mutationFn: (close: boolean) => unwrap(close ? api().store.close() : api().store.open()),
    meta: { changes: ['app', 'taxUpdate'] },
  });
  // until app:info is read again after a switch, its state is the old one: no second click on it
  const busy = toggle.isPending || info.isFetching;
  return (
    <div className="toolbar" aria-label="受付状態">
      <span>
        受付状態: {closed === undefined ? '…' : closed ? <span className="badge badge-err">受付停止中</span> : <span className="badge badge-ok">受付中</span>}
      </span>
      <button type="button" disabled={closed !== false || busy} onClick={() => toggle.mutate(true)}>
        受付停止
      </button>
      <button type="button" disabled={closed !== true || busy} onClick={() => toggle.mutate(false)}>
        受付再開
      </button>
      <ErrorNotice error={toggle.error} />
    </div>
  );
}
