/**
 * 保存 of a stock slip (new or a draft being edited): date, warehouses (移動元 / 移動先 for 在庫移動),
 * 仕入先 for 入荷, 備考 and the lines (product, quantity in 計上単位; counted quantity for 棚卸調整).
 * Main checks everything at once; each problem shows beside its field.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { STOCK_SLIP_LABELS, type StockSlipDetail, type StockSlipKind } from '../../../src-shared/stock/stock-slip';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { api, ApiError, unwrap } from '../../ipc/api';
import { ProductLineInput, type PickedLineProduct } from './ProductLineInput';
import { usePartners } from './use-partners';

interface Line {
  key: number;
  product: PickedLineProduct | null;
  quantity: string;
}

export interface StockSlipEditorProps {
  kind: StockSlipKind;
  /** the draft being edited; null for a new slip */
  slip: StockSlipDetail | null;
  today: string;
  onSaved(slip: StockSlipDetail): void;
  onCancel(): void;
}

let lineKey = 1;

export function StockSlipEditor({ kind, slip, today, onSaved, onCancel }: StockSlipEditorProps) {
  const warehouses = usePartners('倉庫');
  const suppliers = usePartners('仕入先');
  const [date, setDate] = useState(slip?.date ?? today);
  const [warehouseId, setWarehouseId] = useState<number | null>(slip?.warehouseId ?? null);
  const [toWarehouseId, setToWarehouseId] = useState<number | null>(slip?.toWarehouseId ?? null);
  const [supplierId, setSupplierId] = useState<number | null>(slip?.supplierId ?? null);
  const [memo, setMemo] = useState(slip?.memo ?? '');
  const [lines, setLines] = useState<Line[]>(
    slip
      ? slip.lines.map((l) => ({
          key: lineKey++,
          product: { productId: l.productId, code: l.skuCode || l.productCode, name: l.productName },
          quantity: String(l.quantity),
        }))
      : [{ key: lineKey++, product: null, quantity: '' }],
  );
  const save = useMutation({
    mutationFn: () => {
      const values = {
        kind,
        date,
        warehouseId: warehouseId ?? 0,
        ...(kind === 'transfer' ? { toWarehouseId: toWarehouseId ?? 0 } : {}),
        ...(kind === 'receipt' ? { supplierId } : {}),
        memo,
        lines: lines.map((l) => ({ productId: l.product?.productId ?? 0, quantity: l.quantity.trim() === '' ? -1 : Number(l.quantity) })),
      };
      return unwrap(slip ? api().stockSlips.update({ id: slip.id, values }) : api().stockSlips.create(values));
    },
    meta: { changes: ['stock'] },
    onSuccess: onSaved,
  });
  const fieldErrors = save.error instanceof ApiError ? (save.error.data.fields ?? []) : [];
  const errorOf = (path: string) =>
    fieldErrors
      .filter((f) => f.path === path)
      .map((f) => f.message)
      .join(' ') || undefined;
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const whOptions = (warehouses.data?.rows ?? []).map((w) => (
    <option key={w.id} value={w.id}>
      {w.code} {w.name}
    </option>
  ));
  const title = `${STOCK_SLIP_LABELS[kind]}${slip ? ` #${slip.id} の編集` : 'の新規作成'}`;

  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ErrorNotice error={save.error} />
      <FormField
        id="ss-date"
        label={kind === 'receipt' ? '入荷日' : kind === 'transfer' ? '移動日' : '棚卸日'}
        required
        error={errorOf('date')}
      >
        <input id="ss-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </FormField>
      <FormField
        id="ss-wh"
        label={kind === 'receipt' ? '入荷先倉庫' : kind === 'transfer' ? '移動元倉庫' : '倉庫'}
        required
        error={errorOf('warehouseId')}
      >
        <select id="ss-wh" value={warehouseId ?? ''} onChange={(e) => setWarehouseId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">選んでください</option>
          {whOptions}
        </select>
      </FormField>
      {kind === 'transfer' ? (
        <FormField id="ss-to" label="移動先倉庫" required error={errorOf('toWarehouseId')}>
          <select id="ss-to" value={toWarehouseId ?? ''} onChange={(e) => setToWarehouseId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">選んでください</option>
            {whOptions}
          </select>
        </FormField>
      ) : null}
      {kind === 'receipt' ? (
        <FormField id="ss-supplier" label="仕入先" error={errorOf('supplierId')}>
          <select id="ss-supplier" value={supplierId ?? ''} onChange={(e) => setSupplierId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">（なし）</option>
            {(suppliers.data?.rows ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} {s.name}
              </option>
            ))}
          </select>
        </FormField>
      ) : null}
      <FormField id="ss-memo" label="備考" error={errorOf('memo')}>
        <input id="ss-memo" value={memo} onChange={(e) => setMemo(e.target.value)} />
      </FormField>
      <table className="data" aria-label="明細">
        <thead>
          <tr>
            <th>No.</th>
            <th>商品</th>
            <th>{kind === 'adjustment' ? '実在庫数' : '数量'}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.key}>
              <td>{i + 1}</td>
              <td>
                <ProductLineInput index={i} value={l.product} onPick={(p) => setLine(i, { product: p })} />
                {errorOf(`lines.${i}.productId`) ? <div className="field-error">{errorOf(`lines.${i}.productId`)}</div> : null}
              </td>
              <td>
                <input
                  aria-label={`${i + 1}行目の${kind === 'adjustment' ? '実在庫数' : '数量'}`}
                  inputMode="numeric"
                  style={{ width: 90 }}
                  value={l.quantity}
                  onChange={(e) => setLine(i, { quantity: e.target.value })}
                />
                {errorOf(`lines.${i}.quantity`) ? <div className="field-error">{errorOf(`lines.${i}.quantity`)}</div> : null}
              </td>
              <td>
                <button
                  type="button"
                  disabled={lines.length === 1}
                  aria-label={`${i + 1}行目を削除`}
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                >
                  削除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" onClick={() => setLines((ls) => [...ls, { key: lineKey++, product: null, quantity: '' }])}>
          行を追加
        </button>
        <button type="button" className="primary" disabled={save.isPending} onClick={() => save.mutate()}>
          保存
        </button>
        <button type="button" onClick={onCancel}>
          キャンセル
        </button>
      </div>
    </section>
  );
}
