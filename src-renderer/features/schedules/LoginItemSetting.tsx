/** 「ログイン時に起動」 (desktop app only). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { scheduleQueries } from '../../queries/schedules';

export function LoginItemSetting() {
  const q = useQuery(scheduleQueries.loginItem());
  const set = useMutation({
    mutationFn: (openAtLogin: boolean) => unwrap(api().schedules.setLoginItem({ openAtLogin })),
    meta: { changes: ['schedules'] },
  });
  return (
    <div className="login-item">
      <label className="inline-check">
        <input type="checkbox" disabled={!q.data?.supported || set.isPending} checked={q.data?.openAtLogin ?? false} onChange={(e) => set.mutate(e.target.checked)} />
        ログイン時に起動（PCにログインしたらタスクトレイで待機し、スケジュールを実行します）
      </label>
      {q.data && !q.data.supported ? <div className="field-hint">デスクトップアプリでのみ設定できます。</div> : null}
      <ErrorNotice error={set.error} />
    </div>
  );
}
