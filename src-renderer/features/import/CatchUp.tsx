/**
 * 「最新まで取込」: windows of 出荷取込処理 until today, each its own all-or-nothing run (they appear in
 * the history as they finish); shows the window being imported, then where it stopped and whether
 * the cursor caught up.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { api, unwrap } from '../../ipc/api';
import { invalidateRoots } from '../../queries/data-changed';

export function CatchUpButton({ settingId, disabled, onRunning }: { settingId: number; disabled: boolean; onRunning(running: boolean): void }) {
  const [windows, setWindows] = useState<{ done: number; orders: number }>({ done: 0, orders: 0 });
  const qc = useQueryClient();
  const catchUp = useMutation({
    mutationFn: () => unwrap(api().import.catchUp({ settingId })),
    meta: { changes: ['slips', 'systemLog'] },
    onMutate: () => setWindows({ done: 0, orders: 0 }),
    // awaited: the result is shown only once the page's 出荷取込開始日 is read again, so 「最新まで取込済み」
    // never stands beside the old date and 「未取込の期間があります」
    onSuccess: () => invalidateRoots(qc, ['import', 'ecSettings']),
  });
  const pending = catchUp.isPending;
  useEffect(() => onRunning(pending), [pending, onRunning]);
  useEffect(() => {
    if (!pending) return undefined;
    const offProgress = api().on('import:progressed', (p) => {
      if (p.settingId === settingId) setWindows((w) => ({ ...w, orders: p.orders }));
    });
    const offFinished = api().on('import:finished', (p) => {
      if (p.settingId === settingId) setWindows((w) => ({ ...w, done: w.done + 1 }));
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [pending, settingId]);
  const r = catchUp.data;
  return (
    <>
      <button type="button" disabled={disabled || pending} onClick={() => catchUp.mutate()}>
        {pending ? '最新まで取込中…' : '最新まで取込'}
      </button>
      {pending ? (
        <Notice kind="info" title="最新まで取込中" label="最新まで取込の進み具合">
          <p>
            {windows.done}期間 (7日ずつ) 完了・取込中の期間の注文 {windows.orders}件
          </p>
        </Notice>
      ) : null}
      {r ? (
        <Notice kind={r.stop === 'caught-up' ? 'success' : r.stop === 'failed' ? 'error' : 'warning'} title={r.caughtUp ? '最新まで取込済み' : `出荷取込開始日 ${r.cursor ?? ''} から続きがあります`} label="最新まで取込の結果">
          <p>{r.message}</p>
        </Notice>
      ) : null}
      <ErrorNotice error={catchUp.error} />
    </>
  );
}
