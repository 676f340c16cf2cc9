/** The lines of a 出荷伝票 / 請求伝票 laid out alike: No., 商品, 数量, 単価, 金額 (integer yen) and the tax of each line. */
import type { ReactNode } from 'react';
import { TableHead } from '../../components/TableHead';
import { formatYen } from '../../format/number';

interface SlipLine {
  lineNo: number;
  productCode: string;
  productName: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  netAmount: number | null;
  /** absent where tax is computed per slip and rate only (a 売上伝票) */
  taxAmount?: number | null;
  grossAmount?: number | null;
}

const yenOrDash = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatYen(v));

/** A column of the kind of slip (header and cell). */
export interface LineColumn<L> {
  header: string;
  cell: (line: L) => ReactNode;
}

export interface SlipLinesTableProps<L extends SlipLine> {
  label: string;
  lines: readonly L[];
  /** a column after No. (請求明細: 区分) */
  kind?: LineColumn<L>;
  /** the last column: how the line is taxed */
  tax: LineColumn<L>;
  /** the slip's total, shown under 金額 */
  total?: number;
}

export function SlipLinesTable<L extends SlipLine>({ label, lines, kind, tax, total }: SlipLinesTableProps<L>) {
  // 金額 as BCart priced it (tax-excluded, or tax-included for 送料 / points / 税込 goods), then one basis per column
  const headings = ['No.', ...(kind ? [kind.header] : []), '商品', '数量', '単価', '金額', tax.header, '税抜', '消費税', '税込'];
  return (
    <table className="data" aria-label={label}>
      <TableHead headings={headings} />
      <tbody>
        {lines.map((l) => (
          <tr key={l.lineNo}>
            <td>{l.lineNo}</td>
            {kind ? <td>{kind.cell(l)}</td> : null}
            <td>
              {l.productCode} {l.productName}
            </td>
            <td className="num">{l.quantity}</td>
            <td className="num">{formatYen(l.unitPrice)}</td>
            <td className="num">{formatYen(l.amount)}</td>
            <td>{tax.cell(l)}</td>
            <td className="num">{yenOrDash(l.netAmount)}</td>
            <td className="num">{yenOrDash(l.taxAmount)}</td>
            <td className="num">{yenOrDash(l.grossAmount)}</td>
          </tr>
        ))}
      </tbody>
      {total === undefined ? null : (
        <tfoot>
          <tr>
            <td colSpan={headings.length - 6}>合計</td>
            <td className="num">{formatYen(total)}</td>
            <td colSpan={4} />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
