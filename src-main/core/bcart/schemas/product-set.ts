/** Wire schema of a product set (`product_sets[]`, `product_set`, docs/bcart-api.md#product-sets) → BcartProductSet. */
import { z } from 'zod';
import type { BcartProductSet } from '../model';
import { toDateTime, toDec, toId, toInt, toStock, toStr, wId, wNum, wStr } from './lenient';

export const productSetWire = z
  .object({
    id: wId,
    product_id: wNum,
    product_no: wStr,
    jan_code: wStr,
    name: wStr,
    unit_price: wNum,
    quantity: wNum,
    stock: wNum,
    stock_flag: wNum,
    tax_type_id: wNum,
    set_flag: wStr,
    updated_at: wStr,
  })
  .transform((w, ctx): BcartProductSet => ({
    id: toId(ctx, 'id', w.id),
    productId: toInt(ctx, 'product_id', w.product_id),
    productNo: toStr(w.product_no),
    janCode: toStr(w.jan_code),
    name: toStr(w.name),
    unitPrice: toDec(ctx, 'unit_price', w.unit_price),
    quantity: toDec(ctx, 'quantity', w.quantity),
    stock: toStock(ctx, 'stock', w.stock),
    stockFlag: toInt(ctx, 'stock_flag', w.stock_flag),
    taxTypeId: toInt(ctx, 'tax_type_id', w.tax_type_id),
    setFlag: toStr(w.set_flag),
    updatedAt: toDateTime(ctx, 'updated_at', w.updated_at),
  }));
