/**
 * 売上伝票 editor: 得意先, 売上日, 出荷倉庫, 部門, lines (商品, 数量 — negative for 返品 —, 単価, 税区分).
 * An empty 単価 takes the 得意先別単価, else the 商品's 単価; an empty 税区分 the 商品's. Main computes
 * the tax (once per rate per slip) and answers every problem by field: beside the field, and in a
 * summary beside the buttons with focus on the first. Leaving with unsaved edits asks first.
 */
import { DateInput } from '../../components/DateInput';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { SalesDetail, SalesSlipInput, SalesWriteResult } from '../../../src-shared/sales/sales-slip';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { FormStatus, problemsOf, useFocusFirstError } from '../../components/FormStatus';
import { Notice } from '../../components/Notice';
import { formatYen } from '../../format/number';
import { api, ApiError, unwrap } from '../../ipc/api';
import { masterQueries, partnerQueries } from '../../queries/masters';
import { salesQueries } from '../../queries/sales';
import { confirmLeave, useSnapshotGuard } from '../../stores/unsaved-changes';
import { CodeNameOptions } from '../../components/CodeNameOptions';
import { AddRowButton, LineTable } from '../../components/LineTable';

interface LineDraft {
  productId: string;
  quantity: string;
  unitPrice: string;
  taxClassId: string;
}

const emptyLine = (): LineDraft => ({ productId: '', quantity: '1', unitPrice: '', taxClassId: '' });

/** A stored slip as the editor's values (what the fields show once it is loaded). */
function draftOf(s: SalesDetail) {
  return {
    customerId: String(s.customerId),
    warehouseId: String(s.warehouseId),
    departmentId: String(s.departmentId),
    date: s.date,
    memo: s.memo,
    lines: s.lines.map((l): LineDraft => ({
      productId: String(l.productId),
      quantity: String(l.quantity),
      unitPrice: String(l.unitPrice),
      taxClassId: String(l.taxClassId),
    })),
  };
}

/** The input of each field main may name (the error summary links to it). */
const FIELD_INPUTS: Record<string, { id: string; label: string }> = {
  customerId: { id: 'se-customer', label: '得意先' },
  date: { id: 'se-date', label: '売上日' },
  warehouseId: { id: 'se-warehouse', label: '出荷倉庫' },
  departmentId: { id: 'se-department', label: '部門' },
  memo: { id: 'se-memo', label: '備考' },
  lines: { id: 'se-line-0-productId', label: '明細' },
};
const LINE_FIELDS: Record<string, string> = { productId: '商品', quantity: '数量', unitPrice: '単価', taxClassId: '税区分' };

function inputOf(path: string): { id: string; label: string } | null {
  const line = /^lines\.(\d+)\.(\w+)$/.exec(path);
  if (line && LINE_FIELDS[line[2]!])
    return { id: `se-line-${line[1]}-${line[2]}`, label: `${Number(line[1]) + 1}行目の${LINE_FIELDS[line[2]!]}` };
  return FIELD_INPUTS[path] ?? null;
}
const OPTION_LIMIT = 1000;

export function SalesEditor({ id, onDone, onCancel }: { id: number | null; onDone(id: number): void; onCancel(): void }) {
  const existing = useQuery({ ...salesQueries.detail(id ?? 0), enabled: id !== null });
  const customers = useQuery(partnerQueries.optionsOfKind('得意先', OPTION_LIMIT));
  const warehouses = useQuery(partnerQueries.optionsOfKind('倉庫', OPTION_LIMIT));
  const departments = useQuery(masterQueries('departments').options(200));
  const products = useQuery(masterQueries('products').options(OPTION_LIMIT));
  const taxClasses = useQuery(masterQueries('taxClasses').options(50));
  const [customerId, setCustomerId] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [date, setDate] = useState(() => jstDateOf(Date.now()));
  const [memo, setMemo] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([emptyLine()]);
  const [loadedId, setLoadedId] = useState<number | null>(null);
  const prices = useQuery({ ...salesQueries.customerPrices(Number(customerId) || 0), enabled: customerId !== '' });

  useEffect(() => {
    const s: SalesDetail | undefined = existing.data;
    if (!s || loadedId === s.id) return;
    const d = draftOf(s);
    setLoadedId(s.id);
    setCustomerId(d.customerId);
    setWarehouseId(d.warehouseId);
    setDepartmentId(d.departmentId);
    setDate(d.date);
    setMemo(d.memo);
    setLines(d.lines);
  }, [existing.data, loadedId]);

  const values = { customerId, warehouseId, departmentId, date, memo, lines };
  const loaded = existing.data && loadedId === existing.data.id ? draftOf(existing.data) : null;
  const what = id === null ? '売上伝票(新規)' : `売上伝票 ${existing.data?.slipNo ?? `未採番 (ID ${id})`}`;
  // an edited slip compares with the stored one once loaded (until then nothing is typed)
  const release = useSnapshotGuard(values, what, id === null ? undefined : (loaded ?? values));
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const input = (): SalesSlipInput => ({
    ...(id !== null ? { id } : {}),
    customerId: Number(customerId),
    warehouseId: Number(warehouseId),
    ...(departmentId ? { departmentId: Number(departmentId) } : {}),
    date,
    memo,
    lines: lines.map((l) => ({
      productId: Number(l.productId),
      quantity: Number(l.quantity),
      ...(l.unitPrice.trim() !== '' ? { unitPrice: Number(l.unitPrice) } : {}),
      ...(l.taxClassId ? { taxClassId: Number(l.taxClassId) } : {}),
    })),
  });
  const save = useMutation({
    mutationFn: (confirm: boolean) => unwrap<SalesWriteResult>(confirm ? api().sales.saveAndConfirm(input()) : api().sales.save(input())),
    meta: { changes: ['sales', 'slips'] },
    onSuccess: (r) => {
      release();
      onDone(r.slip.id);
    },
    onError: () => setFailures((n) => n + 1),
  });
  const fieldErrors = save.error instanceof ApiError ? (save.error.data.fields ?? []) : [];
  const problems = problemsOf(fieldErrors, inputOf);
  useFocusFirstError(formRef, failures, problems.length);
  const invalid = (path: string) => (errorOf(path) ? true : undefined);
  const errorOf = (path: string) => fieldErrors.find((f) => f.path === path)?.message;
  const productOf = (pid: string) => products.data?.rows.find((p) => String(p.id) === pid);
  const defaultPrice = (pid: string): number | undefined =>
    prices.data?.rows.find((p) => String(p.productId) === pid)?.unitPrice ?? productOf(pid)?.unitPrice;
  const setLine = (i: number, patch: Partial<LineDraft>) => setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  /** What a head control carries: its id (focus on error), label, error mark, value and edit. */
  const headControl = (id: string, path: string, label: string, value: string, set: (v: string) => void) => ({
    id,
    'aria-invalid': invalid(path),
    'aria-label': label,
    value,
    onChange: (e: ChangeEvent<HTMLSelectElement>) => set(e.target.value),
  });
  /** What every control of a line carries: its id (focus on error), 行目 label, error mark, value and edit. */
  const lineControl = (i: number, field: keyof LineDraft, label: string) => ({
    id: `se-line-${i}-${field}`,
    'aria-invalid': invalid(`lines.${i}.${field}`),
    'aria-label': `${i + 1}行目の${label}`,
    value: lines[i]![field],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setLine(i, { [field]: e.target.value }),
  });
  const customer = customers.data?.rows.find((c) => String(c.id) === customerId);

  return (
    <form
      ref={formRef}
      aria-label="売上伝票の入力"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(false);
      }}
    >
      <h2>{id === null ? '売上伝票の新規入力' : `${what} の編集`}</h2>
      <div className="form-grid">
        <HeadField label="得意先" error={errorOf('customerId')}>
          <select {...headControl('se-customer', 'customerId', '得意先', customerId, setCustomerId)}>
            <CodeNameOptions rows={customers.data?.rows} markUnconfirmed />
          </select>
        </HeadField>
        <HeadField label="売上日" error={errorOf('date')}>
          <DateInput id="se-date" invalid={invalid('date')} aria-label="売上日" value={date} onChange={setDate} />
        </HeadField>
        <HeadField label="出荷倉庫" error={errorOf('warehouseId')}>
          <select {...headControl('se-warehouse', 'warehouseId', '出荷倉庫', warehouseId, setWarehouseId)}>
            <CodeNameOptions rows={warehouses.data?.rows} />
          </select>
        </HeadField>
        <HeadField label="部門" error={errorOf('departmentId')}>
          <select {...headControl('se-department', 'departmentId', '部門', departmentId, setDepartmentId)}>
            <option value="">最初の部門</option>
            {(departments.data?.rows ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.code} {d.name}
              </option>
            ))}
          </select>
        </HeadField>
      </div>
      {customer?.taxDisplay === '税込' ? (
        <Notice kind="info" live={false}>
          この得意先は税込です。単価は税込で入力し、消費税は税率ごとに1回、内税として計算します。
        </Notice>
      ) : null}
      <LineTable
        label="明細"
        head={
          <>
            <th>No.</th>
            <th>商品</th>
            <th>数量</th>
            <th>単価</th>
            <th>税区分</th>
            <th>金額</th>
          </>
        }
        rows={lines}
        rowKey={(_, i) => i}
        cells={(l, i) => {
          const price = l.unitPrice.trim() !== '' ? Number(l.unitPrice) : defaultPrice(l.productId);
          const amount = price !== undefined && Number.isInteger(Number(l.quantity)) ? Number(l.quantity) * price : undefined;
          return (
            <>
              <td>{i + 1}</td>
              <LineCell error={errorOf(`lines.${i}.productId`)}>
                <select {...lineControl(i, 'productId', '商品')}>
                  <CodeNameOptions rows={products.data?.rows} />
                </select>
              </LineCell>
              <LineCell error={errorOf(`lines.${i}.quantity`)}>
                <input type="number" className="qty" {...lineControl(i, 'quantity', '数量')} />
              </LineCell>
              <LineCell error={errorOf(`lines.${i}.unitPrice`)}>
                <input type="number" className="price" placeholder={defaultPrice(l.productId)?.toString() ?? ''} {...lineControl(i, 'unitPrice', '単価')} />
              </LineCell>
              <LineCell error={errorOf(`lines.${i}.taxClassId`)}>
                <select {...lineControl(i, 'taxClassId', '税区分')}>
                  <option value="">商品の税区分</option>
                  {(taxClasses.data?.rows ?? []).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </LineCell>
              <td className="num">{amount === undefined ? '' : formatYen(amount)}</td>
            </>
          );
        }}
        onRemove={(i) => setLines((ls) => ls.filter((_, k) => k !== i))}
        canRemove={lines.length > 1}
      />
      <FieldError message={errorOf('lines')} />
      <div className="toolbar">
        <AddRowButton onAdd={() => setLines((ls) => [...ls, emptyLine()])} />
      </div>
      <label className="wide-field">
        備考
        <input
          type="text"
          id="se-memo"
          aria-invalid={invalid('memo')}
          aria-label="備考"
          value={memo}
          maxLength={500}
          onChange={(e) => setMemo(e.target.value)}
        />
      </label>
      <div className="toolbar">
        <button type="submit" disabled={save.isPending}>
          保存
        </button>
        <button type="button" className="primary" disabled={save.isPending} onClick={() => save.mutate(true)}>
          保存して確定
        </button>
        <button type="button" disabled={save.isPending} onClick={() => confirmLeave() && onCancel()}>
          キャンセル
        </button>
        <FormStatus error={save.error} problems={problems} />
      </div>
    </form>
  );
}

/** A head field: the label around its control, the control's problem below. */
function HeadField({ label, error, children }: { label: string; error: string | undefined; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
      <FieldError message={error} />
    </label>
  );
}

/** A line's cell: its control with the control's problem right below. */
function LineCell({ error, children }: { error: string | undefined; children: ReactNode }) {
  return (
    <td>
      {children}
      <FieldError message={error} />
    </td>
  );
}

function FieldError({ message }: { message: string | undefined }) {
  return message ? <span className="field-error">{message}</span> : null;
}
