/**
 * One BCart product row → one per-set line of the app (docs/import-rules.md#product-lines-and-pack-quantity).
 * BCart prices per piece and counts sets; the app prices per set: 単価 ¥100 × 入数 100, 5 sets →
 * app 単価 ¥10,000 × 5 = ¥50,000. The per-set price must be whole yen, and the local product's
 * 計上単位 must equal the 入数, or the product is linked to the wrong set.
 */
import Decimal from 'decimal.js';
import type { BcartOrderProduct } from '../../bcart/model';
import type { ImportMasters, LocalProduct } from './import-masters';
import type { ProductLineDraft } from './import-plan';
import type { OrderProblems } from './import-problem';
import { taxClassOfRate, type TaxClassRef } from './tax-class';
import { parseDecimal, plainThousandths, plainWhole, wholeYen } from './yen-amount';

/** Maps a product row shipped with `logisticsId`; null after recording its problems. */
export function mapProductLine(
  line: BcartOrderProduct,
  logisticsId: number,
  masters: ImportMasters,
  problems: OrderProblems,
): ProductLineDraft | null {
  // the line's name is only worded when there is a problem (most lines have none)
  const product = findProduct(line, masters, problems);
  const tax = lineTax(line, masters, problems);
  if (product !== null && tax !== null) {
    const count = line.orderProCount;
    const perSetYen = plainSetPrice(line, product.unitQuantity);
    if (perSetYen >= 0 && count !== null && Number.isSafeInteger(count) && count >= 0) {
      const amount = perSetYen * count;
      if (Number.isSafeInteger(amount)) return draftOf(line, logisticsId, product, tax, perSetYen, amount === 0 ? 0 : amount);
    }
  }

  const unitPrice = parseDecimal(line.unitPrice);
  const setQuantity = parseDecimal(line.setQuantity);
  if (unitPrice === null)
    problems.error(
      'INVALID_NUMBER',
      `${lineLabel(line)}の単価 (unit_price)「${line.unitPrice}」が数値ではありません。Bカートで単価を確認してください。`,
    );
  if (setQuantity === null || setQuantity.lte(0)) {
    problems.error(
      'INVALID_NUMBER',
      `${lineLabel(line)}の入数 (set_quantity)「${line.setQuantity}」が正の数値ではありません。Bカートでセットの入数を確認してください。`,
    );
  }
  const count = line.orderProCount;
  if (count === null || !Number.isSafeInteger(count) || count < 0) {
    problems.error(
      'INVALID_QUANTITY',
      `${lineLabel(line)}の注文数 (order_pro_count)「${count ?? ''}」が0以上の整数ではありません。Bカートで注文数を確認してください。`,
    );
  }
  if (unitPrice === null || setQuantity === null || setQuantity.lte(0) || product === null || tax === null) return null;
  if (count === null || !Number.isSafeInteger(count) || count < 0) return null;

  if (!setQuantity.equals(new Decimal(product.unitQuantity))) {
    return problems.error(
      'UNIT_QUANTITY_MISMATCH',
      `${lineLabel(line)}の入数 ${setQuantity.toString()} と商品「${product.code}」の計上単位 ${product.unitQuantity} が一致しません。商品の計上単位をBカートのセットの入数に合わせるか、正しいセットと商品を紐づけてください。`,
    );
  }
  const perSet = unitPrice.times(setQuantity);
  const perSetYen = wholeYen(perSet);
  if (perSetYen === null) {
    return problems.error(
      'NON_INTEGER_SET_PRICE',
      `${lineLabel(line)}のセット単価（単価 ${unitPrice.toString()} × 入数 ${setQuantity.toString()} = ${perSet.toString()}円）が円単位の整数になりません。Bカートで単価または入数を修正してください。`,
    );
  }
  const amount = wholeYen(perSet.times(count));
  if (amount === null) {
    return problems.error('INVALID_NUMBER', `${lineLabel(line)}の金額が大きすぎます。Bカートで単価と注文数を確認してください。`);
  }
  return draftOf(line, logisticsId, product, tax, perSetYen, amount);
}

function draftOf(
  line: BcartOrderProduct,
  logisticsId: number,
  product: LocalProduct,
  tax: TaxClassRef,
  perSetYen: number,
  amount: number,
): ProductLineDraft {
  return {
    kind: 'product',
    productId: product.id,
    productCode: product.code,
    bcartOrderProductId: line.id,
    bcartLogisticsId: logisticsId,
    quantity: line.orderProCount!,
    unitPrice: perSetYen,
    amount,
    taxClassId: tax.taxClassId,
    taxRate: tax.taxRate,
    taxIncluded: line.taxIncl === 1,
    inventoryTracked: product.inventoryTracked,
  };
}

/**
 * The common, valid line's whole-yen set price without decimal.js (the import maps ~40,000 per
 * 10,000 orders): a plain 単価 read as exact thousandths, a plain whole 入数 equal to the 計上単位,
 * their product a safe integer of whole yen. -1 for anything else — the decimal path then decides
 * and words the problem, so both paths give one result. The caller checks 注文数 and 金額 the same way.
 */
function plainSetPrice(line: BcartOrderProduct, unitQuantity: number): number {
  const sets = plainWhole(line.setQuantity);
  if (sets <= 0 || sets !== unitQuantity) return -1;
  const priceMilli = plainThousandths(line.unitPrice);
  if (priceMilli < 0) return -1;
  // a product at or past 2^53 rounds to a non-safe number, so the check sends it to the decimal path
  const scaled = priceMilli * sets;
  if (!Number.isSafeInteger(scaled) || scaled % 1000 !== 0) return -1;
  return scaled / 1000;
}

/** "明細 ID 123（品番 ABC「名前」）" — how a line is named in messages. */
export function lineLabel(line: BcartOrderProduct): string {
  const no = line.productNo.trim() !== '' ? `品番 ${line.productNo}` : `セットID ${line.productSetId ?? 'なし'}`;
  return `明細ID ${line.id}（${no}「${line.productName}」）`;
}

function findProduct(line: BcartOrderProduct, masters: ImportMasters, problems: OrderProblems): LocalProduct | null {
  if (masters.settings.productLinkMode === 'same-code') {
    const code = line.productNo.trim();
    if (code === '') {
      return problems.error(
        'UNKNOWN_PRODUCT',
        `${lineLabel(line)}に品番 (product_no) がありません。Bカートでセットに品番を設定してください。`,
      );
    }
    return (
      masters.productsByCode.get(code) ??
      problems.error(
        'UNKNOWN_PRODUCT',
        `${lineLabel(line)}の品番「${code}」と同じSKUコード（SKUコードが空の商品は商品コード）の確定済み商品がありません。商品マスタにこのコードの商品を登録して確定してください。`,
      )
    );
  }
  if (line.productSetId === null) {
    return problems.error(
      'PRODUCT_SET_ID_MISSING',
      `${lineLabel(line)}にBカートのセットID (product_set_id) がないため、EC連携商品で商品を特定できません。Bカートで注文の商品を確認してください。`,
    );
  }
  return (
    masters.productsBySetId.get(line.productSetId) ??
    problems.error(
      'UNKNOWN_PRODUCT',
      `${lineLabel(line)}のBカートセットID ${line.productSetId} がEC連携商品に登録されていません。EC連携設定の「EC連携商品」でこのセットと商品を紐づけてください。`,
    )
  );
}

function lineTax(line: BcartOrderProduct, masters: ImportMasters, problems: OrderProblems) {
  if (line.taxRate === null) {
    return problems.error('MISSING_NUMBER', `${lineLabel(line)}の税率 (tax_rate) が空です。Bカートで商品の税率を確認してください。`);
  }
  const tax = taxClassOfRate(line.taxRate, masters.settings);
  if (tax === null) {
    return problems.error(
      'UNKNOWN_TAX_RATE',
      `${lineLabel(line)}の税率「${line.taxRate}」は対応していません（10%・8%・0%のみ）。Bカートで商品の税率を確認してください。`,
    );
  }
  // tax_type_id is only a cross-check: the rate decides the 税区分.
  if ((line.taxTypeId === 2 && tax.taxRate === 10) || (line.taxTypeId === 1 && tax.taxRate === 8)) {
    problems.warning(
      'TAX_TYPE_MISMATCH',
      `${lineLabel(line)}の税率「${line.taxRate}」と税率区分 (tax_type_id ${line.taxTypeId}) が食い違っています。税率 ${tax.taxRate}% で取り込みました。Bカートで商品の税率設定を確認してください。`,
    );
  }
  if (line.taxIncl === null) {
    return problems.error(
      'MISSING_NUMBER',
      `${lineLabel(line)}の税込区分 (tax_incl) が空です。Bカートで商品の税込・税抜設定を確認してください。`,
    );
  }
  return tax;
}
