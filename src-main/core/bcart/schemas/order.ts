/**
 * Wire schema of an order (`orders[]`, `order`, bcart-api.md §3.1) with its embedded lines and
 * shipments (`complete=1`) → BcartOrder. `ordered_at` is required: the import window and the
 * client-side date filter depend on it.
 */
import { z } from 'zod';
import type { BcartOrder, BcartOrderTotal } from '../model';
import { jstDateTime, lenientArray, lenientDecimal, lenientInt, lenientString, requiredId } from './lenient';
import { logisticsWire } from './logistics';
import { orderProductWire } from './order-product';

const orderTotalWire = z
  .object({
    tax_rate: lenientDecimal,
    total: lenientDecimal,
    tax: lenientDecimal,
    total_incl_tax: lenientDecimal,
  })
  .transform(
    (w): BcartOrderTotal => ({
      taxRate: w.tax_rate ?? '0',
      total: w.total ?? '0',
      tax: w.tax ?? '0',
      totalInclTax: w.total_incl_tax ?? '0',
    }),
  );

export const orderWire = z
  .object({
    id: requiredId,
    code: lenientString,
    customer_id: lenientInt,
    customer_ext_id: lenientString,
    customer_comp_name: lenientString,
    customer_name: lenientString,
    payment: lenientString,
    total_price: lenientDecimal,
    tax: lenientInt,
    COD_cost: lenientInt,
    shipping_cost: lenientInt,
    final_price: lenientInt,
    use_point: lenientInt,
    get_point: lenientInt,
    order_totals: lenientArray(orderTotalWire),
    ordered_at: jstDateTime.refine((v) => v !== null && v !== undefined, { message: 'ordered_at がありません' }),
    status: lenientString,
    order_products: lenientArray(orderProductWire),
    logistics: lenientArray(logisticsWire),
  })
  .transform((w): BcartOrder => {
    const lines = w.order_products ?? [];
    for (const l of lines) if (l.orderId === 0) l.orderId = w.id;
    return {
      id: w.id,
      code: w.code ?? '',
      customerId: w.customer_id ?? null,
      customerExtId: w.customer_ext_id ?? '',
      customerCompName: w.customer_comp_name ?? '',
      customerName: w.customer_name ?? '',
      payment: w.payment ?? '',
      totalPrice: w.total_price ?? null,
      tax: w.tax ?? null,
      codCost: w.COD_cost ?? null,
      shippingCost: w.shipping_cost ?? null,
      finalPrice: w.final_price ?? null,
      usePoint: w.use_point ?? null,
      getPoint: w.get_point ?? null,
      orderTotals: w.order_totals ?? [],
      orderedAt: w.ordered_at as string,
      status: w.status ?? '',
      orderProducts: lines,
      logistics: w.logistics ?? [],
    };
  });
