/**
 * 受付停止 / 受付再開. The state lives in main (app_state); the switch emits data:changed {app},
 * which refreshes the banner and every screen that reads app:info.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';

/** app:info's 受付停止 flag (shared query key with the banner in App.tsx). */
export function useStoreClosed(): boolean | undefined {
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => unwrap(api().app.info()) });
  return info.data?.storeClosed;
}

export function StoreModeButtons() {
  const qc = useQueryClient();
  const closed = useStoreClosed();
  const toggle = useMutation({
    mutationFn: (close: boolean) => unwrap(close ? api().store.close() : api().store.open()),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['app'] }),
  });
  return (
    <div className="toolbar" aria-label="受付状態">
      <span>
        受付状態: {closed === undefined ? '…' : closed ? <span className="badge badge-err">受付停止中</span> : <span className="badge badge-ok">受付中</span>}
      </span>
      <button type="button" disabled={closed !== false || toggle.isPending} onClick={() => toggle.mutate(true)}>
        受付停止
      </button>
      <button type="button" disabled={closed !== true || toggle.isPending} onClick={() => toggle.mutate(false)}>
        受付再開
      </button>
      <ErrorNotice error={toggle.error} />
    </div>
  );
}
