/** What a 請求締め made (or would make): one row per 請求書, and the customers left out with why. */
import type { ClosingResult } from '../../../src-shared/receivables/statements';
import { formatYen } from '../../format/number';

export function ClosingResultTable({ result, label }: { result: ClosingResult; label: string }) {
  return (
    <section aria-label={label} className="closing-result">
      {result.statements.length === 0 ? (
        <p className="placeholder">対象の得意先はありません。</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>得意先</th>
              <th>前回請求額</th>
              <th>今回入金額</th>
              <th>繰越金額</th>
              <th>今回売上(税込)</th>
              <th>消費税調整</th>
              <th>今回請求額</th>
              <th>入金予定日</th>
            </tr>
          </thead>
          <tbody>
            {result.statements.map((s) => (
              <tr key={`${s.customer}-${s.statementId}-${s.closingDate}`}>
                <td>
                  {s.customer} {s.customerName} {s.kind === '個別' ? <span className="badge badge-neutral">個別</span> : null}
                  {s.needsReview ? <span className="badge badge-draft">要確認</span> : null}
                </td>
                <td className="num">{formatYen(s.previous)}</td>
                <td className="num">{formatYen(s.received)}</td>
                <td className="num">{formatYen(s.carriedOver)}</td>
                <td className="num">{formatYen(s.salesTotal)}</td>
                <td className="num">{s.taxAdjustment === 0 ? '' : formatYen(s.taxAdjustment)}</td>
                <td className="num">
                  <strong>{formatYen(s.total)}</strong>
                </td>
                <td>{s.dueDate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.skipped.length > 0 ? (
        <details className="skipped">
          <summary>対象外 {result.skipped.length}件</summary>
          <ul>
            {result.skipped.map((k) => (
              <li key={k.customer}>
                {k.customer} {k.customerName}: {k.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
