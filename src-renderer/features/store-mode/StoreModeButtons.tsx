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

/** What 受付停止 stops, as the confirmation and the page list it (main refuses each with STORE_CLOSED). */
export const STORE_CLOSED_STOPS = [
  '出荷取込処理(画面・バッチスケジュール・タスクトレイの「今すぐ取込」)',
  '商品マスタの登録・編集・CSV取込',
  '定期申込の登録・編集・CSV取込',
] as const;

export const STORE_CLOSE_QUESTION = `受付停止にします。受付再開するまで次の処理が止まります:\n${STORE_CLOSED_STOPS.map((s) => `・${s}`).join('\n')}\nBカート側の受注受付は変わりません。よろしいですか？`;

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
      <button
        type="button"
        disabled={closed !== false || busy}
        onClick={() => {
          if (window.confirm(STORE_CLOSE_QUESTION)) toggle.mutate(true);
        }}
      >
        受付停止
      </button>
      <button type="button" disabled={closed !== true || busy} onClick={() => toggle.mutate(false)}>
        受付再開
      </button>
      <details className="store-stops">
        <summary>受付停止で止まる処理</summary>
        <ul>
          {STORE_CLOSED_STOPS.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
      <ErrorNotice error={toggle.error} />
    </div>
  );
}
