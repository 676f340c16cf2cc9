/**
 * 入金伝票の登録: customer, date, lines (振込 / 現金 / 手形 / 相殺 / 振込手数料 / 手数料 …) and the
 * 消込 — oldest first, or by hand over the customer's open items. By hand is also the bulk entry of
 * a card company's deposit: one 振込 line for the deposit, one 手数料 line for the fee, and every
 * invoice it pays ticked. The result, or main's problems (each linked to its field, focus on the
 * first), show beside 入金を登録; leaving with typed amounts asks first.
 */
import { DateInput } from '../../components/DateInput';
import { formatJstDate } from '../../format/datetime';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { PAYMENT_KINDS, type PaymentKind } from '../../../src-shared/receivables/payment-kinds';
import type { OpenItem, PaymentRecordResult } from '../../../src-shared/receivables/payments';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormStatus, problemsOf, useFocusFirstError } from '../../components/FormStatus';
import { formatYen } from '../../format/number';
import { api, ApiError, unwrap } from '../../ipc/api';
import { useUnsavedGuard } from '../../stores/unsaved-changes';
import { partnerQueries } from '../../queries/masters';
import { receivablesQueries } from '../../queries/receivables';
import { todayJst } from './receivables-format';
import { CodeNameOptions } from '../../components/CodeNameOptions';
import { LineTable } from '../../components/LineTable';

interface Line {
  kind: PaymentKind;
  amount: string;
}

const keyOf = (i: Pick<OpenItem, 'debitKind' | 'debitId'>) => `${i.debitKind}:${i.debitId}`;
/** The input of each field main may name (the error summary links to it). */
function inputOf(path: string): { id: string; label: string } | null {
  if (path === 'customerId') return { id: 'payment-customer', label: '得意先' };
  if (path === 'date') return { id: 'payment-date', label: '入金日' };
  const line = /^lines\.(\d+)\.(kind|amount)$/.exec(path);
  return line
    ? { id: `payment-line-${line[1]}-${line[2]}`, label: `${Number(line[1]) + 1}行目の${line[2] === 'kind' ? '種別' : '金額'}` }
    : null;
}

const toYen = (s: string) => (/^\d{1,12}$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

export function PaymentForm({ customerId, onCustomer }: { customerId: number | null; onCustomer: (id: number | null) => void }) {
  const customers = useQuery(partnerQueries.optionsOfKind('得意先', 5000));
  const open = useQuery(receivablesQueries.openItems(customerId));
  const [date, setDate] = useState(todayJst);
  const [lines, setLines] = useState<Line[]>([{ kind: '振込', amount: '' }]);
  const [mode, setMode] = useState<'auto' | 'manual'>('auto');
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [done, setDone] = useState<PaymentRecordResult | null>(null);

  const total = lines.reduce((s, l) => s + (Number.isNaN(toYen(l.amount)) ? 0 : toYen(l.amount)), 0);
  const allocated = Object.values(picked).reduce((s, v) => s + (Number.isNaN(toYen(v)) ? 0 : toYen(v)), 0);
  const items = open.data?.items ?? [];
  // typed amounts or ticked invoices are the edit (choosing a 得意先 also filters the list below)
  const release = useUnsavedGuard(lines.some((l) => l.amount.trim() !== '') || Object.keys(picked).length > 0, '入金伝票(新規)');
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const record = useMutation({
    mutationFn: () =>
      unwrap(
        api().payments.record({
          customerId: customerId ?? 0,
          date,
          lines: lines.filter((l) => l.amount.trim() !== '').map((l) => ({ kind: l.kind, amount: toYen(l.amount) })),
          ...(mode === 'manual'
            ? {
                allocations: items
                  .filter((i) => picked[keyOf(i)] !== undefined)
                  .map((i) => ({ debitKind: i.debitKind, debitId: i.debitId, amount: toYen(picked[keyOf(i)]!) })),
              }
            : {}),
        }),
      ),
    meta: { changes: ['receivables'] },
    onMutate: () => setDone(null),
    onError: () => setFailures((n) => n + 1),
    onSuccess: (r) => {
      release();
      setDone(r);
      setLines([{ kind: '振込', amount: '' }]);
      setPicked({});
    },
  });

  const problems = problemsOf(record.error instanceof ApiError ? (record.error.data.fields ?? []) : [], inputOf);
  const invalid = (id: string) => (problems.some((p) => p.id === id) ? true : undefined);
  useFocusFirstError(formRef, failures, problems.length);

  return (
    <form
      ref={formRef}
      className="master-detail payment-form no-print"
      aria-label="入金伝票の登録"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate();
      }}
    >
      <h2>入金伝票の登録</h2>
      <div className="form-field">
        <label htmlFor="payment-customer">得意先</label>
        <select
          id="payment-customer"
          aria-invalid={invalid('payment-customer')}
          value={customerId ?? ''}
          onChange={(e) => onCustomer(e.target.value ? Number(e.target.value) : null)}
        >
          <CodeNameOptions rows={customers.data?.rows} />
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="payment-date">入金日</label>
        <DateInput id="payment-date" invalid={invalid('payment-date')} value={date} onChange={setDate} />
      </div>
      <LineTable
        label="入金の明細"
        head={
          <>
            <th>種別</th>
            <th>金額(円)</th>
          </>
        }
        rows={lines}
        rowKey={(_, i) => i}
        cells={(l, i) => (
          <>
            <td>
              <select
                id={`payment-line-${i}-kind`}
                aria-invalid={invalid(`payment-line-${i}-kind`)}
                aria-label={`${i + 1}行目の種別`}
                value={l.kind}
                onChange={(e) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, kind: e.target.value as PaymentKind } : x)))}
              >
                {PAYMENT_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </td>
            <td>
              <input
                id={`payment-line-${i}-amount`}
                aria-invalid={invalid(`payment-line-${i}-amount`)}
                aria-label={`${i + 1}行目の金額`}
                type="text"
                inputMode="numeric"
                value={l.amount}
                onChange={(e) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))}
              />
            </td>
          </>
        )}
        onRemove={(i) => setLines((ls) => ls.filter((_, j) => j !== i))}
        canRemove={lines.length > 1}
      />
      <div className="toolbar">
        <button type="button" disabled={lines.length >= 10} onClick={() => setLines((ls) => [...ls, { kind: '手数料', amount: '' }])}>
          明細を追加
        </button>
        <span>入金額合計 {formatYen(total)}</span>
      </div>
      <fieldset className="radio-row">
        <legend>消込</legend>
        <label>
          <input type="radio" name="payment-mode" checked={mode === 'auto'} onChange={() => setMode('auto')} />
          古い請求から順に自動で消込
        </label>
        <label>
          <input type="radio" name="payment-mode" checked={mode === 'manual'} onChange={() => setMode('manual')} />
          消込する請求を指定(まとめて入金・手数料差引の入金)
        </label>
      </fieldset>
      {customerId !== null ? (
        <table className="data" aria-label="未入金の請求">
          <thead>
            <tr>
              {mode === 'manual' ? <th>消込</th> : null}
              <th>日付</th>
              <th>伝票番号</th>
              <th>入金予定日</th>
              <th>未入金</th>
              {mode === 'manual' ? <th>消込金額</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const k = keyOf(i);
              return (
                <tr key={k}>
                  {mode === 'manual' ? (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${i.name}を消込`}
                        checked={picked[k] !== undefined}
                        onChange={(e) =>
                          setPicked((p) => {
                            const { [k]: _, ...rest } = p;
                            return e.target.checked ? { ...rest, [k]: String(i.open) } : rest;
                          })
                        }
                      />
                    </td>
                  ) : null}
                  <td>{formatJstDate(i.date)}</td>
                  <td>{i.name}</td>
                  <td>{formatJstDate(i.dueDate)}</td>
                  <td className="num">{formatYen(i.open)}</td>
                  {mode === 'manual' ? (
                    <td>
                      {picked[k] !== undefined ? (
                        <input
                          aria-label={`${i.name}の消込金額`}
                          type="text"
                          inputMode="numeric"
                          value={picked[k]}
                          onChange={(e) => setPicked((p) => ({ ...p, [k]: e.target.value }))}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
            {items.length === 0 ? (
              <tr>
                <td colSpan={6} className="placeholder">
                  未入金の請求はありません。
                  {open.data && open.data.unallocated > 0 ? `未消込の入金 ${formatYen(open.data.unallocated)} があります。` : ''}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : null}
      {mode === 'manual' ? (
        <p className={allocated > total ? 'field-error' : 'field-hint'}>
          消込金額合計 {formatYen(allocated)} / 入金額合計 {formatYen(total)}
          {allocated < total ? `（未消込 ${formatYen(total - allocated)} は後で充当できます）` : ''}
        </p>
      ) : null}
      <ErrorNotice error={open.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={record.isPending || customerId === null || total <= 0}>
          {record.isPending ? '登録中…' : '入金を登録'}
        </button>
        <FormStatus
          saved={
            done
              ? `入金伝票 No.${done.paymentId} を登録しました。${
                  done.allocations.length > 0
                    ? `消込: ${done.allocations.map((a) => `${a.name} ${formatYen(a.amount)}`).join('、')}。`
                    : '消込はありません。'
                }${done.unallocated > 0 ? `未消込 ${formatYen(done.unallocated)}。` : ''}`
              : null
          }
          error={record.error}
          problems={problems}
        />
      </div>
    </form>
  );
}
