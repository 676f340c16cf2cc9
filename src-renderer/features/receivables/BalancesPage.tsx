/**
 * 業務処理 › 売掛金残高: 請求額累計, 入金額累計 and 残高 per customer as of a date, the aging of what is
 * open by days past its 入金予定日, and the CSV export (UTF-8 BOM / Shift_JIS).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { formatCount, formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { receivablesQueries } from '../../queries/receivables';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { saveCsv } from '../csv/csv-file';
import { AGING_HEADERS, todayJst } from './receivables-format';

export function BalancesPage() {
  const [asOf, setAsOf] = useState(todayJst);
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const q = useQuery(receivablesQueries.balances(asOf));
  const csv = useMutation({ mutationFn: () => unwrap(api().receivables.exportCsv({ asOf, encoding })), onSuccess: saveCsv });
  const rows = q.data?.rows ?? [];
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return (
    <div className="page">
      <div className="toolbar">
        <h1>売掛金残高一覧</h1>
        <label htmlFor="balances-as-of">基準日</label>
        <input id="balances-as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        <CsvEncodingSelect value={encoding} onChange={setEncoding} />
        <button type="button" disabled={csv.isPending} onClick={() => csv.mutate()}>
          CSV出力
        </button>
      </div>
      <p className="field-hint">請求額累計は期首残高・請求伝票・消費税調整の合計、入金額累計は入金伝票の合計(未消込の入金も含みます)。年齢は入金予定日からの経過日数です。</p>
      <ErrorNotice error={q.error ?? csv.error} />
      {csv.isSuccess ? (
        <Notice kind="success">
          {formatCount(csv.data.rows)}件をCSVに出力しました（{csv.data.fileName}）。
        </Notice>
      ) : null}
      <table className="data" aria-label="売掛金残高">
        <thead>
          <tr>
            <th>得意先</th>
            <th>請求額累計</th>
            <th>入金額累計</th>
            <th>残高</th>
            <th>未消込入金</th>
            {AGING_HEADERS.map((h) => (
              <th key={h.key}>{h.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.customerId}>
              <td>
                {r.customer} {r.customerName}
              </td>
              <td className="num">{formatYen(r.invoiced)}</td>
              <td className="num">{formatYen(r.received)}</td>
              <td className="num">
                <strong>{formatYen(r.balance)}</strong>
              </td>
              <td className="num">{r.unallocated === 0 ? '' : formatYen(r.unallocated)}</td>
              {AGING_HEADERS.map((h) => (
                <td key={h.key} className={`num${h.key !== 'current' && r.aging[h.key] > 0 ? ' overdue-cell' : ''}`}>
                  {r.aging[h.key] === 0 ? '' : formatYen(r.aging[h.key])}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={10} className="placeholder">
                売掛金はありません。
              </td>
            </tr>
          ) : (
            <tr className="total-row">
              <td>合計</td>
              <td className="num">{formatYen(sum((r) => r.invoiced))}</td>
              <td className="num">{formatYen(sum((r) => r.received))}</td>
              <td className="num">{formatYen(sum((r) => r.balance))}</td>
              <td className="num">{formatYen(sum((r) => r.unallocated))}</td>
              {AGING_HEADERS.map((h) => (
                <td key={h.key} className="num">
                  {formatYen(sum((r) => r.aging[h.key]))}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
