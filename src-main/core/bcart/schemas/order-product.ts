/** Wire schema of an order line (`order_products[]`, docs/bcart-api.md#order-lines) → BcartOrderProduct. */
import { z } from 'zod';
import type { BcartOrderProduct } from '../model';
import { toDec, toId, toInt, toText, wId, wNum, wStr, type Prefix } from './lenient';

/** Types only; normalised by normalizeOrderProduct (one transform per top-level row is much faster). */
export const orderProductShape = z.object({
  id: wId,
  order_id: wNum,
  logistics_id: wNum,
  product_id: wNum,
  main_no: wStr,
  product_no: wStr,
  jan_code: wStr,
  product_name: wStr,
  product_set_id: wNum,
  set_name: wStr,
  unit_price: wNum,
  set_quantity: wNum,
  order_pro_count: wNum,
  tax_rate: wNum,
  tax_type_id: wNum,
  tax_incl: wNum,
  item_type: wStr,
});

/** Normalises a type-checked line; bad values become issues under `prefix`. */
export function normalizeOrderProduct(w: Record<string, unknown>, ctx: z.core.$RefinementCtx, prefix?: Prefix): BcartOrderProduct {
  const itemType = toText(ctx, 'item_type', w.item_type, prefix);
  return {
    id: toId(ctx, 'id', w.id, prefix),
    // an embedded line may omit order_id; the order schema fills it from its parent
    orderId: toInt(ctx, 'order_id', w.order_id, prefix) ?? 0,
    logisticsId: toInt(ctx, 'logistics_id', w.logistics_id, prefix),
    productId: toInt(ctx, 'product_id', w.product_id, prefix),
    mainNo: toText(ctx, 'main_no', w.main_no, prefix),
    productNo: toText(ctx, 'product_no', w.product_no, prefix),
    janCode: toText(ctx, 'jan_code', w.jan_code, prefix),
    productName: toText(ctx, 'product_name', w.product_name, prefix),
    productSetId: toInt(ctx, 'product_set_id', w.product_set_id, prefix),
    setName: toText(ctx, 'set_name', w.set_name, prefix),
    // "" / null in a price or quantity is not "0": it stays empty so the mapping reports the order
    // with the field named (docs/import-rules.md#lenient-numbers-and-timestamps); it used to read
    // as ¥0, 入数 1 and 注文数 0 and import a wrong amount silently.
    unitPrice: toDec(ctx, 'unit_price', w.unit_price, prefix) ?? '',
    setQuantity: toDec(ctx, 'set_quantity', w.set_quantity, prefix) ?? '',
    orderProCount: toInt(ctx, 'order_pro_count', w.order_pro_count, prefix),
    taxRate: toDec(ctx, 'tax_rate', w.tax_rate, prefix),
    taxTypeId: toInt(ctx, 'tax_type_id', w.tax_type_id, prefix),
    taxIncl: toInt(ctx, 'tax_incl', w.tax_incl, prefix),
    itemType: itemType === '' ? 'product' : itemType,
  };
}

export const orderProductWire = orderProductShape.transform((w, ctx) => normalizeOrderProduct(w, ctx, undefined));
