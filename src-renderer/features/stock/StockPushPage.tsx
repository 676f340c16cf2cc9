/**
 * 在庫反映状況: what the outbox holds for BCart — 未送信 / 送信中 / 失敗 / 要確認 (and, on request,
 * 送信済 / 対象外 / 解決済) with the reason of each, 今すぐ送信, 再送 of failed items, and 確認済にする for
 * ambiguous ones once the clerk checked BCart (or 在庫照合 corrects them). The write route is an option.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OUTBOX_STATUSES, type OutboxStatus, type PushRoute } from '../../../src-shared/stock/stock-push';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { stockQueries } from '../../queries/stock';
import { formatJstDateTime } from '../../format/datetime';
import { useSettingChoice } from './SettingPicker';
import { OUTBOX_STATUS_LABELS, STATUS_BADGE, signed, sourcesText } from './stock-labels';

const OPEN: OutboxStatus[] = ['pending', 'sending', 'failed', 'ambiguous'];

export function StockPushPage() {
  const { settingId, picker, none } = useSettingChoice();
  const [all, setAll] = useState(false);
  const rows = useQuery(stockQueries.outbox(settingId, all ? [...OUTBOX_STATUSES] : OPEN));
  const counts = useQuery(stockQueries.counts(settingId ?? undefined));
  const options = useQuery({ ...stockQueries.options(settingId ?? 0), enabled: settingId !== null });
  const changes = { changes: ['stock'] } as const;
  const push = useMutation({ mutationFn: () => unwrap(api().stock.push(settingId !== null ? { settingId } : {})), meta: changes });
  const retry = useMutation({ mutationFn: (ids: number[]) => unwrap(api().stock.retry({ ids })), meta: changes });
  const dismiss = useMutation({ mutationFn: (ids: number[]) => unwrap(api().stock.dismiss({ ids })), meta: changes });
  const route = useMutation({
    mutationFn: (pushRoute: PushRoute) => unwrap(api().stock.setOptions({ settingId: settingId!, pushRoute })),
    meta: changes,
  });
  const c = counts.data;
  return (
    <div className="page">
      <div className="toolbar">
        <h1>在庫反映状況</h1>
        {picker}
        <button type="button" className="primary" disabled={push.isPending || settingId === null} onClick={() => push.mutate()}>
          {push.isPending ? '送信中…' : '今すぐ送信'}
        </button>
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> 送信済・対象外も表示
        </label>
      </div>
      {none ? <p className="placeholder">EC連携設定がありません。先にEC連携設定を登録してください。</p> : null}
      <ErrorNotice error={rows.error ?? counts.error ?? push.error ?? retry.error ?? dismiss.error ?? route.error} />
      {push.data && push.data.busy.length > 0 ? (
        <div className="notice notice-info" role="status">
          別のプロセス（コマンドラインなど）が送信中のため、送信はそちらに任せました。
        </div>
      ) : null}
      {c ? (
        <p aria-label="在庫反映の件数">
          <span className="badge badge-draft">未送信 {c.pending}</span> <span className="badge badge-err">失敗 {c.failed}</span>{' '}
          <span className="badge badge-err">要確認 {c.ambiguous}</span> <span className="badge badge-neutral">対象外 {c.excluded}</span>{' '}
          <span className="badge badge-ok">送信済 {c.sent}</span>
        </p>
      ) : null}
      {c && c.ambiguous > 0 ? (
        <div className="notice notice-info">
          要確認の項目は、送信結果を確認できず、その間にBカートの在庫が動いたため自動では再送しません。在庫照合でBカートの在庫と比べて補正するか、Bカートで確認してから「確認済にする」を押してください。
        </div>
      ) : null}
      <table className="data" aria-label="在庫反映の一覧">
        <thead>
          <tr>
            <th>状態</th>
            <th>商品</th>
            <th>品番 / セットID</th>
            <th>増減</th>
            <th>Bカート在庫（送信前→後）</th>
            <th>理由・元の伝票</th>
            <th>更新</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(rows.data?.rows ?? []).map((r) => (
            <tr key={r.id}>
              <td>
                <span className={`badge ${STATUS_BADGE[r.status]}`}>{OUTBOX_STATUS_LABELS[r.status]}</span>
              </td>
              <td>
                {r.productCode} {r.productName}
              </td>
              <td>
                {r.productNo} / {r.setId ?? '—'}
              </td>
              <td className="num">{signed(r.delta)}</td>
              <td className="num">
                {r.stockBefore ?? '—'} → {r.stockAfter ?? '—'}
              </td>
              <td>
                {r.reason ? <div>{r.reason}</div> : null}
                <div className="field-hint">{sourcesText(r)}</div>
              </td>
              <td>{formatJstDateTime(r.updatedAt)}</td>
              <td>
                {r.status === 'failed' || r.status === 'excluded' ? (
                  <button type="button" disabled={retry.isPending} onClick={() => retry.mutate([r.id])}>
                    再送
                  </button>
                ) : null}
                {r.status === 'ambiguous' ? (
                  <button
                    type="button"
                    disabled={dismiss.isPending}
                    onClick={() => window.confirm('Bカートの在庫を確認済みとして閉じます。よろしいですか？') && dismiss.mutate([r.id])}
                  >
                    確認済にする
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.data && rows.data.rows.length === 0 ? <p className="placeholder">対応が必要な在庫反映はありません。</p> : null}
      {options.data ? (
        <div className="form-field" style={{ marginTop: 20 }}>
          <label htmlFor="push-route">送信方法</label>
          <select id="push-route" value={options.data.pushRoute} onChange={(e) => route.mutate(e.target.value as PushRoute)}>
            <option value="product_sets">商品セット一括更新（セットID・100件ずつ）</option>
            <option value="product_stock">在庫更新（品番）</option>
          </select>
          <div className="field-hint">どちらも「+N」「+-N」の相対値で送ります。通常は商品セット一括更新を使います。</div>
        </div>
      ) : null}
    </div>
  );
}
