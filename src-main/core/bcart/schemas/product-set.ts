/** Wire schema of a product set (`product_sets[]`, `product_set`, bcart-api.md §3.4) → BcartProductSet. */
import { z } from 'zod';
import type { BcartProductSet } from '../model';
import { jstDateTime, lenientDecimal, lenientInt, lenientStock, lenientString, requiredId } from './lenient';

export const productSetWire = z
  .object({
    id: requiredId,
    product_id: lenientInt,
    product_no: lenientString,
    jan_code: lenientString,
    name: lenientString,
    unit_price: lenientDecimal,
    quantity: lenientDecimal,
    stock: lenientStock,
    stock_flag: lenientInt,
    tax_type_id: lenientInt,
    set_flag: lenientString,
    updated_at: jstDateTime,
  })
  .transform(
    (w): BcartProductSet => ({
      id: w.id,
      productId: w.product_id ?? null,
      productNo: w.product_no ?? '',
      janCode: w.jan_code ?? '',
      name: w.name ?? '',
      unitPrice: w.unit_price ?? null,
      quantity: w.quantity ?? null,
      stock: w.stock ?? null,
      stockFlag: w.stock_flag ?? null,
      taxTypeId: w.tax_type_id ?? null,
      setFlag: w.set_flag ?? '',
      updatedAt: w.updated_at ?? null,
    }),
  );
