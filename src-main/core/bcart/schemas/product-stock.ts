/** Wire schema of a stock row (`product_stock[]`, bcart-api.md §3.5) → BcartProductStock. Keyed by 品番, so id may be absent. */
import { z } from 'zod';
import type { BcartProductStock } from '../model';
import { lenientInt, lenientString } from './lenient';

export const productStockWire = z
  .object({
    id: lenientInt,
    product_id: lenientInt,
    product_no: lenientString,
    name: lenientString,
    stock: lenientInt,
    stock_flag: lenientInt,
  })
  .refine((w) => (w.product_no ?? '') !== '' || (w.id ?? null) !== null, { message: 'product_no と id がありません', path: ['product_no'] })
  .transform(
    (w): BcartProductStock => ({
      id: w.id ?? null,
      productId: w.product_id ?? null,
      productNo: w.product_no ?? '',
      name: w.name ?? '',
      stock: w.stock ?? null,
      stockFlag: w.stock_flag ?? null,
    }),
  );
