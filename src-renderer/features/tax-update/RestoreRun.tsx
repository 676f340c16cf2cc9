/**
 * バックアップから復元 of one 消費税自動更新 run, behind its own confirmation: every application goes
 * back to the automatic backup taken just before the run, and the run is undone (its event may run
 * again).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { api, unwrap } from '../../ipc/api';

export function RestoreRun({ runId, backupName, restored }: { runId: number; backupName: string; restored: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const restore = useMutation({
    mutationFn: () => unwrap(api().taxUpdate.restore({ runId, confirm: true })),
    meta: { changes: ['subscriptions', 'taxUpdate'] },
    onSuccess: () => {
      setConfirming(false);
      setAgreed(false);
    },
  });
  return (
    <>
      {restored ? null : confirming ? (
        <div className="tu-confirm" role="alertdialog" aria-label="復元の確認">
          <p>
            実行前の自動バックアップ({backupName}
            )から、すべての定期申込を実行前の状態に戻します。実行後に行った定期申込の編集や取込は失われます。
            復元するとこの実行は取り消され、この税率改定の自動更新をもう一度実行できるようになります。
          </p>
          <label>
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
            上記を理解の上、復元します。
          </label>
          <div className="form-actions">
            <button type="button" className="primary" disabled={!agreed || restore.isPending} onClick={() => restore.mutate()}>
              復元を実行する
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              やめる
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          バックアップから復元…
        </button>
      )}
      {restore.isSuccess ? <Notice kind="success">
          実行前の状態に復元し、この実行を取り消しました。この税率改定の自動更新はもう一度実行できます。定期申込の内容を確認してください。
        </Notice> : null}
      <ErrorNotice error={restore.error} />
    </>
  );
}
