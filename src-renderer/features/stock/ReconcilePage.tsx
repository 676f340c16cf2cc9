/**
 * 在庫照合: per linked set the local stock of the 連携倉庫, "not yet imported" (orders BCart already
 * took off its stock that no imported 出荷伝票 holds yet), expected = local − not yet imported, BCart's
 * stock and the drift = BCart − expected. Pending pushes are sent first. 補正 sends the relative
 * difference after a confirmation, so a buyer ordering meanwhile is not overwritten; it is logged.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReconcileRow } from '../../../src-shared/stock/reconcile';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { formatJstDateTime } from '../../format/datetime';
import { useSettingChoice } from './SettingPicker';
import { qty, signed } from './stock-labels';

export function ReconcilePage() {
  const { settingId, picker, none } = useSettingChoice();
  const [onlyDrift, setOnlyDrift] = useState(true);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [asking, setAsking] = useState(false);
  const run = useMutation({
    mutationFn: () => unwrap(api().stock.reconcile({ settingId: settingId! })),
    onSuccess: (r) =>
      setPicked(new Set(r.rows.filter((x) => x.drift !== null && x.drift !== 0 && x.pending === 0).map((x) => x.productId))),
  });
  const correct = useMutation({
    mutationFn: () => unwrap(api().stock.correct({ settingId: settingId!, productIds: [...picked] })),
    meta: { changes: ['stock'] },
    onSuccess: () => {
      setAsking(false);
      run.mutate();
    },
  });
  const rows = (run.data?.rows ?? []).filter((r) => !onlyDrift || (r.drift !== null && r.drift !== 0) || r.ambiguous > 0);
  const chosen = (run.data?.rows ?? []).filter((r) => picked.has(r.productId));
  const toggle = (r: ReconcileRow) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(r.productId)) n.delete(r.productId);
      else n.add(r.productId);
      return n;
    });
  return (
    <div className="page">
      <div className="toolbar">
        <h1>在庫照合</h1>
        {picker}
        <button type="button" className="primary" disabled={settingId === null || run.isPending} onClick={() => run.mutate()}>
          {run.isPending ? '照合中…' : '照合する'}
        </button>
        <label>
          <input type="checkbox" checked={onlyDrift} onChange={(e) => setOnlyDrift(e.target.checked)} /> 差異のあるセットだけ表示
        </label>
        <button type="button" disabled={picked.size === 0 || correct.isPending} onClick={() => setAsking(true)}>
          選択したセットを補正 ({picked.size})
        </button>
      </div>
      {none ? <p className="placeholder">EC連携設定がありません。先にEC連携設定を登録してください。</p> : null}
      <p className="field-hint">
        予定在庫 = 連携倉庫の在庫 − 未取込（出荷伝票として取り込まれていない注文の数量）。差異 = Bカート在庫 −
        予定在庫。照合の前に未送信の在庫反映を送信します。
      </p>
      <ErrorNotice error={run.error ?? correct.error} />
      {run.data ? (
        <p className="count">
          {run.data.rows.length}セットを照合しました（{formatJstDateTime(run.data.readAt)}、受注日 {run.data.since}{' '}
          以降の注文を未取込として計算）。
          {run.data.pushLeftPending ? ' 未送信の在庫反映が残っているセットは補正できません。' : ''}
        </p>
      ) : null}
      {asking ? (
        <div className="notice notice-info" role="dialog" aria-label="補正の確認">
          <strong>次の{chosen.length}セットのBカート在庫を補正します。</strong>
          <ul>
            {chosen.map((r) => (
              <li key={r.productId}>
                {r.productCode}（セットID {r.setId}）: 差異 {signed(r.drift)} → {signed(r.drift === null ? null : -r.drift)} を送信
              </li>
            ))}
          </ul>
          <p>送信直前にBカートの在庫を読み直し、その差分だけを相対値で送ります。補正はシステムログに記録されます。</p>
          <div className="form-actions">
            <button type="button" className="primary" disabled={correct.isPending} onClick={() => correct.mutate()}>
              補正を送信する
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              やめる
            </button>
          </div>
        </div>
      ) : null}
      {correct.data ? (
        <div className="notice notice-ok" role="status">
          {correct.data.corrected.length}セットを補正しました。
          {correct.data.resolved > 0 ? `要確認 ${correct.data.resolved} 件を解決済にしました。` : ''}
          {correct.data.skipped.map((s) => ` 商品ID ${s.productId}: ${s.reason}`).join('')}
        </div>
      ) : null}
      {run.data ? (
        <table className="data" aria-label="在庫照合の結果">
          <thead>
            <tr>
              <th />
              <th>商品</th>
              <th>品番 / セットID</th>
              <th>自社在庫</th>
              <th>未取込</th>
              <th>予定在庫</th>
              <th>Bカート在庫</th>
              <th>差異</th>
              <th>状態</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.productId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${r.productCode}を補正する`}
                    disabled={r.bcart === null || r.pending > 0 || (r.drift === 0 && r.ambiguous === 0)}
                    checked={picked.has(r.productId)}
                    onChange={() => toggle(r)}
                  />
                </td>
                <td>
                  {r.productCode} {r.productName}
                </td>
                <td>
                  {r.productNo} / {r.setId}
                </td>
                <td className="num">{qty(r.local)}</td>
                <td className="num">{qty(r.unimported)}</td>
                <td className="num">{qty(r.expected)}</td>
                <td className="num">{r.bcart === null ? '対象外' : qty(r.bcart)}</td>
                <td className="num">{r.drift === null ? '—' : <strong>{signed(r.drift)}</strong>}</td>
                <td>
                  {r.pending > 0 ? <span className="badge badge-draft">未送信あり</span> : null}
                  {r.ambiguous > 0 ? <span className="badge badge-err">要確認 {r.ambiguous}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {run.data && rows.length === 0 ? <p className="placeholder">差異はありません。</p> : null}
    </div>
  );
}
