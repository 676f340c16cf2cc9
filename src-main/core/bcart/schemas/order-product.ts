/** Wire schema of an order line (`order_products[]`, bcart-api.md §3.2) → BcartOrderProduct. */
import { z } from 'zod';
import type { BcartOrderProduct } from '../model';
import { lenientDecimal, lenientInt, lenientString, requiredId } from './lenient';

export const orderProductWire = z
  .object({
    id: requiredId,
    order_id: lenientInt,
    logistics_id: lenientInt,
    product_id: lenientInt,
    main_no: lenientString,
    product_no: lenientString,
    jan_code: lenientString,
    product_name: lenientString,
    product_set_id: lenientInt,
    set_name: lenientString,
    unit_price: lenientDecimal,
    set_quantity: lenientDecimal,
    order_pro_count: lenientInt,
    tax_rate: lenientDecimal,
    tax_type_id: lenientInt,
    tax_incl: lenientInt,
    item_type: lenientString,
  })
  .transform(
    (w): BcartOrderProduct => ({
      id: w.id,
      // an embedded line may omit order_id; the order schema fills it from its parent
      orderId: w.order_id ?? 0,
      logisticsId: w.logistics_id ?? null,
      productId: w.product_id ?? null,
      mainNo: w.main_no ?? '',
      productNo: w.product_no ?? '',
      janCode: w.jan_code ?? '',
      productName: w.product_name ?? '',
      productSetId: w.product_set_id ?? null,
      setName: w.set_name ?? '',
      unitPrice: w.unit_price ?? '0',
      // 入数 missing means a single piece per set
      setQuantity: w.set_quantity ?? '1',
      orderProCount: w.order_pro_count ?? 0,
      taxRate: w.tax_rate ?? null,
      taxTypeId: w.tax_type_id ?? null,
      taxIncl: w.tax_incl ?? null,
      itemType: w.item_type === undefined || w.item_type === '' ? 'product' : w.item_type,
    }),
  );
