/** How the stock commands name things: --line PRODUCT:QTY, products by SKU / product code, warehouses by code. */
import { AppError } from '../../src-shared/errors';
import type { StockSlipRepository } from '../core/stock/stock-slip-repository';
import { CliUsageError } from './args';

type Lookup = Pick<StockSlipRepository, 'productIdsByCode' | 'partnerByCode'>;

/** "HT-TEA-20:60" → product "HT-TEA-20", quantity 60; splits on the LAST ':' (codes may hold ':'). */
export function parseLine(text: string): { product: string; quantity: number } {
  const at = text.lastIndexOf(':');
  const product = at > 0 ? text.slice(0, at).trim() : '';
  const qty = at > 0 ? text.slice(at + 1).trim() : '';
  if (product === '' || !/^\d+$/.test(qty) || Number(qty) > 10_000_000) {
    throw new CliUsageError(`--line は「商品コード:数量」で指定してください（数量は0以上の整数。指定値: ${text}）。`);
  }
  return { product, quantity: Number(qty) };
}

/** The product with this SKU code, else the one product with this code and no SKU. */
export function resolveProduct(slips: Lookup, code: string): number {
  const { bySku, byCode } = slips.productIdsByCode(code);
  if (bySku.length === 1) return bySku[0]!;
  if (byCode.length === 1) return byCode[0]!;
  if (byCode.length > 1) {
    throw new AppError(
      'VALIDATION',
      `商品コード「${code}」の商品が枝番違いで${byCode.length}件あります。商品にSKUコードを付けて、SKUコードで指定してください。`,
    );
  }
  throw new AppError('NOT_FOUND', `SKUコードまたは商品コード「${code}」の商品が見つかりません。商品マスタを確認してください。`);
}

/** The 取引先 of kind 倉庫 with this code. */
export function resolveWarehouse(slips: Lookup, code: string): number {
  const p = slips.partnerByCode(code);
  if (!p)
    throw new AppError('NOT_FOUND', `倉庫コード「${code}」の取引先が見つかりません。npm run cli -- warehouse:add で登録してください。`);
  if (p.kind !== '倉庫') throw new AppError('VALIDATION', `取引先「${code}」は取引先種別が${p.kind}です。倉庫のコードを指定してください。`);
  return p.id;
}
