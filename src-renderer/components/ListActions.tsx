/**
 * The CSV出力 and 印刷 buttons of a list screen. The CSV holds exactly the rows and columns shown
 * (after the filters and the sort). 印刷 prints every shown row — the on-screen list only has the
 * visible rows in the DOM, so a plain table of all of them is rendered for the print — without the
 * menu and the buttons (the print stylesheet in styles.css).
 */
import { useEffect, useState } from 'react';
import { jstDateOf } from '../../src-shared/domain/jst-date';
import { formatCount } from '../format/number';
import { rowsToCsv } from './list-tools';
import type { Column } from './column';

/** More rows than this are not printed (a print of 100,000 rows is never what was meant). */
const PRINT_LIMIT = 5000;

export function ListActions<Row>({ title, rows, columns }: { title: string; rows: readonly Row[]; columns: readonly Column<Row>[] }) {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    // printed after the table is on the page
    const timer = setTimeout(() => {
      window.print();
      done();
    }, 0);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);

  const download = () => {
    const blob = new Blob([rowsToCsv(rows, columns)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${title}_${jstDateOf(Date.now()).replaceAll('-', '')}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const printed = rows.slice(0, PRINT_LIMIT);
  return (
    <>
      <span className="list-actions no-print">
        <button type="button" onClick={download} disabled={rows.length === 0} title="表示中の行と列をCSVファイルに書き出します">
          CSV出力
        </button>
        <button type="button" onClick={() => setPrinting(true)} disabled={rows.length === 0}>
          印刷
        </button>
      </span>
      {printing ? (
        <table className="data print-only" aria-hidden="true">
          <caption>
            {title}一覧 {formatCount(rows.length)} 件{rows.length > PRINT_LIMIT ? `(先頭 ${formatCount(PRINT_LIMIT)} 件を印刷)` : ''}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {printed.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.key} className={c.align === 'right' ? 'num' : undefined}>
                    {c.render(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
