/**
 * 業務処理 › 入金予定: what each customer still owes by 入金予定日 (from the 請求書, or projected from
 * the 回収サイト for 入金管理のみ and not-yet-billed invoices), with totals; overdue rows highlighted.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatYen } from '../../format/number';
import { receivablesQueries } from '../../queries/receivables';
import { todayJst } from './receivables-format';

export function ExpectedReceiptsPage() {
  const [asOf, setAsOf] = useState(todayJst);
  const q = useQuery(receivablesQueries.schedule(asOf));
  const rows = q.data?.rows ?? [];
  const total = rows.reduce((s, r) => s + r.amount, 0);
  const overdue = rows.filter((r) => r.overdue).reduce((s, r) => s + r.amount, 0);
  return (
    <div className="page">
      <div className="toolbar">
        <h1>入金予定</h1>
        <label htmlFor="schedule-as-of">基準日</label>
        <input id="schedule-as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        <span className="count" aria-live="polite">
          合計 {formatYen(total)}（うち期日超過 {formatYen(overdue)}）
        </span>
      </div>
      <ErrorNotice error={q.error} />
      <table className="data" aria-label="入金予定">
        <thead>
          <tr>
            <th>入金予定日</th>
            <th>得意先</th>
            <th>金額</th>
            <th>根拠</th>
            <th>状態</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.customerId}-${r.dueDate}`} className={r.overdue ? 'overdue' : undefined}>
              <td>{r.dueDate}</td>
              <td>
                {r.customer} {r.customerName}
              </td>
              <td className="num">{formatYen(r.amount)}</td>
              <td>{r.basis}</td>
              <td>{r.overdue ? <span className="badge badge-err">期日超過</span> : null}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="placeholder">
                未入金の請求はありません。
              </td>
            </tr>
          ) : (
            <tr className="total-row">
              <td>合計</td>
              <td />
              <td className="num">{formatYen(total)}</td>
              <td />
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
