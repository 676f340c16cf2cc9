/** Wire schema of a stock row (`product_stock[]`, docs/bcart-api.md#stock-view) → BcartProductStock. Keyed by 品番, so id may be absent. */
import { z } from 'zod';
import type { BcartProductStock } from '../model';
import { toInt, toStock, toStr, wNum, wStr } from './lenient';

export const productStockWire = z
  .object({ id: wNum, product_id: wNum, product_no: wStr, name: wStr, stock: wNum, stock_flag: wNum })
  .transform((w, ctx): BcartProductStock => {
    const row: BcartProductStock = {
      id: toInt(ctx, 'id', w.id),
      productId: toInt(ctx, 'product_id', w.product_id),
      productNo: toStr(w.product_no),
      name: toStr(w.name),
      stock: toStock(ctx, 'stock', w.stock),
      stockFlag: toInt(ctx, 'stock_flag', w.stock_flag),
    };
    if (row.productNo === '' && row.id === null)
      ctx.addIssue({ code: 'custom', message: 'product_no と id がありません', path: ['product_no'] });
    return row;
  });
