/** The cells every 出荷明細 / 請求明細 row has (商品, 数量, 単価, 金額), so both slips lay out lines alike. */
import { formatYen } from '../../format/number';

/** Header cells matching SlipLineCells. */
export function SlipLineHeaders() {
  return (
    <>
      <th>商品</th>
      <th>数量</th>
      <th>単価</th>
      <th>金額</th>
    </>
  );
}

/** 商品 (code and name), 数量, 単価 and 金額 of one slip line (integer yen). */
export function SlipLineCells({
  line,
}: {
  line: { productCode: string; productName: string; quantity: number; unitPrice: number; amount: number };
}) {
  return (
    <>
      <td>
        {line.productCode} {line.productName}
      </td>
      <td className="num">{line.quantity}</td>
      <td className="num">{formatYen(line.unitPrice)}</td>
      <td className="num">{formatYen(line.amount)}</td>
    </>
  );
}
