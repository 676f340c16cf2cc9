/**
 * 保存 of a stock slip (new or a draft being edited): date, warehouses (移動元 / 移動先 for 在庫移動),
 * 仕入先 for 入荷, 備考 and the lines (product, quantity in 計上単位; counted quantity for 棚卸調整).
 * Main checks everything at once; each problem shows beside its field and in a summary beside 保存,
 * and focus moves to the first. Leaving with unsaved edits (another slip, a menu, キャンセル) asks first.
 */
import { DateInput } from '../../components/DateInput';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { STOCK_SLIP_LABELS, type StockSlipDetail, type StockSlipKind } from '../../../src-shared/stock/stock-slip';
import { FormField } from '../../components/FormField';
import { FormStatus, problemsOf, useFocusFirstError } from '../../components/FormStatus';
import { MasterSelect } from '../../components/MasterSelect';
import { api, ApiError, unwrap } from '../../ipc/api';
import { confirmLeave, useSnapshotGuard } from '../../stores/unsaved-changes';
import { ProductLineInput, type PickedLineProduct } from './ProductLineInput';
import { usePartners } from './use-partners';
import { AddRowButton, LineTable } from '../../components/LineTable';

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
  const title = `${STOCK_SLIP_LABELS[kind]}${slip ? ` #${slip.id} の編集` : 'の新規作成'}`;
  const release = useSnapshotGuard(
    { date, warehouseId, toWarehouseId, supplierId, memo, lines: lines.map((l) => [l.product?.productId ?? null, l.quantity]) },
    title,
  );
  const [failures, setFailures] = useState(0);
  const ref = useRef<HTMLElement>(null);
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
    onSuccess: (saved) => {
      release();
      onSaved(saved);
    },
    onError: () => setFailures((n) => n + 1),
  });
  const fieldErrors = save.error instanceof ApiError ? (save.error.data.fields ?? []) : [];
  const errorOf = (path: string) =>
    fieldErrors
      .filter((f) => f.path === path)
      .map((f) => f.message)
      .join(' ') || undefined;
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const dateLabel = kind === 'receipt' ? '入荷日' : kind === 'transfer' ? '移動日' : '棚卸日';
  const whLabel = kind === 'receipt' ? '入荷先倉庫' : kind === 'transfer' ? '移動元倉庫' : '倉庫';
  const qtyLabel = kind === 'adjustment' ? '実在庫数' : '数量';
  const problems = problemsOf(fieldErrors, (path) => {
    const fixed: Record<string, { id: string; label: string }> = {
      date: { id: 'ss-date', label: dateLabel },
      warehouseId: { id: 'ss-wh', label: whLabel },
      toWarehouseId: { id: 'ss-to', label: '移動先倉庫' },
      supplierId: { id: 'ss-supplier', label: '仕入先' },
      memo: { id: 'ss-memo', label: '備考' },
    };
    const line = /^lines\.(\d+)\.(productId|quantity)$/.exec(path);
    if (line)
      return { id: `ss-line-${line[1]}-${line[2]}`, label: `${Number(line[1]) + 1}行目の${line[2] === 'productId' ? '商品' : qtyLabel}` };
    return fixed[path] ?? null;
  });
  useFocusFirstError(ref, failures, problems.length);

  return (
    <section aria-label={title} ref={ref}>
      <h2>{title}</h2>
      <FormField id="ss-date" label={dateLabel} required error={errorOf('date')}>
        <DateInput id="ss-date" value={date} onChange={setDate} invalid={errorOf('date') !== undefined} />
      </FormField>
      <MasterSelect id="ss-wh" label={whLabel} required error={errorOf('warehouseId')} empty="選んでください" rows={warehouses.data?.rows} value={warehouseId} onChange={setWarehouseId} />
      {kind === 'transfer' ? (
        <MasterSelect id="ss-to" label="移動先倉庫" required error={errorOf('toWarehouseId')} empty="選んでください" rows={warehouses.data?.rows} value={toWarehouseId} onChange={setToWarehouseId} />
      ) : null}
      {kind === 'receipt' ? (
        <MasterSelect id="ss-supplier" label="仕入先" error={errorOf('supplierId')} empty="（なし）" rows={suppliers.data?.rows} value={supplierId} onChange={setSupplierId} />
      ) : null}
      <FormField id="ss-memo" label="備考" error={errorOf('memo')}>
        <input id="ss-memo" aria-invalid={errorOf('memo') ? true : undefined} value={memo} onChange={(e) => setMemo(e.target.value)} />
      </FormField>
      <LineTable
        label="明細"
        head={
          <>
            <th>No.</th>
            <th>商品</th>
            <th>{qtyLabel}</th>
          </>
        }
        rows={lines}
        rowKey={(l) => l.key}
        cells={(l, i) => (
          <>
            <td>{i + 1}</td>
            <td>
              <ProductLineInput
                index={i}
                id={`ss-line-${i}-productId`}
                invalid={errorOf(`lines.${i}.productId`) !== undefined}
                value={l.product}
                onPick={(p) => setLine(i, { product: p })}
              />
              {errorOf(`lines.${i}.productId`) ? <div className="field-error">{errorOf(`lines.${i}.productId`)}</div> : null}
            </td>
            <td>
              <input
                id={`ss-line-${i}-quantity`}
                aria-invalid={errorOf(`lines.${i}.quantity`) ? true : undefined}
                aria-label={`${i + 1}行目の${qtyLabel}`}
                inputMode="numeric"
                style={{ width: 90 }}
                value={l.quantity}
                onChange={(e) => setLine(i, { quantity: e.target.value })}
              />
              {errorOf(`lines.${i}.quantity`) ? <div className="field-error">{errorOf(`lines.${i}.quantity`)}</div> : null}
            </td>
          </>
        )}
        onRemove={(i) => setLines((ls) => ls.filter((_, j) => j !== i))}
        canRemove={lines.length > 1}
      />
      <div className="form-actions">
        <AddRowButton onAdd={() => setLines((ls) => [...ls, { key: lineKey++, product: null, quantity: '' }])} />
        <button type="button" className="primary" disabled={save.isPending} onClick={() => save.mutate()}>
          {save.isPending ? '保存中…' : '保存'}
        </button>
        <button type="button" onClick={() => confirmLeave() && onCancel()}>
          キャンセル
        </button>
        <FormStatus error={save.error} problems={problems} />
      </div>
    </section>
  );
}
