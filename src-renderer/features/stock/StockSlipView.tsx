/**
 * A stock slip's detail with its actions: 編集 / 削除 while 未確定, 確定 (ledger + 在庫反映 to BCart
 * at once), 確定取消 (the opposite change is sent). After 確定 the screen says what was queued.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { StockSlipConfirmResult } from '../../../src-shared/stock/stock-slip';
import { STOCK_SLIP_LABELS } from '../../../src-shared/stock/stock-slip';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { stockQueries } from '../../queries/stock';
import { qty, signed } from './stock-labels';

export function StockSlipView({ id, onEdit, onDeleted }: { id: number; onEdit(): void; onDeleted(): void }) {
  const q = useQuery(stockQueries.slip(id));
  // the last 確定 / 確定取消 of this slip, for the notice
  const [result, setResult] = useState<StockSlipConfirmResult | null>(null);
  const done = (r: StockSlipConfirmResult) => setResult(r);
  const confirm = useMutation({
    mutationFn: () => unwrap(api().stockSlips.confirm({ id })),
    meta: { changes: ['stock'] },
    onSuccess: done,
  });
  const unconfirm = useMutation({
    mutationFn: () => unwrap(api().stockSlips.unconfirm({ id })),
    meta: { changes: ['stock'] },
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api().stockSlips.delete({ id })),
    meta: { changes: ['stock'] },
    onSuccess: onDeleted,
  });
  const s = q.data;
  if (q.error) return <ErrorNotice error={q.error} />;
  if (!s) return null;
  const label = STOCK_SLIP_LABELS[s.kind];
  const busy = confirm.isPending || unconfirm.isPending || remove.isPending;
  return (
    <section aria-label={`${label}の詳細`}>
      <h2>
        {label} #{s.id} <span className={`badge ${s.confirmed ? 'badge-ok' : 'badge-draft'}`}>{s.confirmed ? '確定' : '未確定'}</span>
      </h2>
      <ErrorNotice error={confirm.error ?? unconfirm.error ?? remove.error} />
      {result ? (
        <div className="notice notice-ok" role="status">
          {result.slip.confirmed ? '確定しました。' : '確定取消しました。'}
          {result.queued > 0
            ? `Bカートへの在庫反映 ${result.queued} 件を送信しています（在庫反映状況で確認できます）。`
            : '連携倉庫の在庫は変わらないため、Bカートへの在庫反映はありません。'}
        </div>
      ) : null}
      <dl className="facts">
        <dt>日付</dt>
        <dd>{s.date}</dd>
        <dt>{s.kind === 'transfer' ? '移動元 → 移動先' : '倉庫'}</dt>
        <dd>
          {s.warehouseCode} {s.warehouseName}
          {s.kind === 'transfer' ? ` → ${s.toWarehouseCode} ${s.toWarehouseName}` : ''}
        </dd>
        {s.kind === 'receipt' ? (
          <>
            <dt>仕入先</dt>
            <dd>{s.supplierName ?? '（なし）'}</dd>
          </>
        ) : null}
        <dt>ワークフロー</dt>
        <dd>{s.workflowName ?? '（なし）'}</dd>
        <dt>備考</dt>
        <dd>{s.memo}</dd>
      </dl>
      <table className="data" aria-label={`${label}の明細`}>
        <thead>
          <tr>
            <th>No.</th>
            <th>商品</th>
            <th>{s.kind === 'adjustment' ? '実在庫数' : '数量'}</th>
            {s.kind === 'adjustment' ? (
              <>
                <th>帳簿在庫</th>
                <th>差異</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {s.lines.map((l) => (
            <tr key={l.lineNo}>
              <td>{l.lineNo}</td>
              <td>
                {l.skuCode || l.productCode} {l.productName}
              </td>
              <td className="num">{qty(l.quantity)}</td>
              {s.kind === 'adjustment' ? (
                <>
                  <td className="num">{qty(l.bookQuantity)}</td>
                  <td className="num">{signed(l.difference)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        {s.confirmed ? (
          <button type="button" disabled={busy} onClick={() => unconfirm.mutate()}>
            確定取消
          </button>
        ) : (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => confirm.mutate()}>
              確定
            </button>
            <button type="button" disabled={busy} onClick={onEdit}>
              編集
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => window.confirm(`${label} #${s.id} を削除します。よろしいですか？`) && remove.mutate()}
            >
              削除
            </button>
          </>
        )}
      </div>
    </section>
  );
}
