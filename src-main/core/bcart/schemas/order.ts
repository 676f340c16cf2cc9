/**
 * Wire schema of an order (`orders[]`, `order`, docs/bcart-api.md#orders) with its embedded lines and
 * shipments (`complete=1`) → BcartOrder. `ordered_at` is required: the import window and the
 * client-side date filter depend on it.
 */
import { z } from 'zod';
import type { BcartOrder, BcartOrderTotal } from '../model';
import { toDateTime, toDec, toId, toInt, toStr, wArr, wId, wNum, wRow, wStr } from './lenient';
import { normalizeLogistics } from './logistics';
import { normalizeOrderProduct } from './order-product';

const orderTotalShape = z.object({ tax_rate: wNum, total: wNum, tax: wNum, total_incl_tax: wNum });

function normalizeTotal(w: z.output<typeof orderTotalShape>, ctx: z.core.$RefinementCtx, i: number): BcartOrderTotal {
  const p = ['order_totals', i];
  return {
    taxRate: toDec(ctx, 'tax_rate', w.tax_rate, p) ?? '0',
    total: toDec(ctx, 'total', w.total, p) ?? '0',
    tax: toDec(ctx, 'tax', w.tax, p) ?? '0',
    totalInclTax: toDec(ctx, 'total_incl_tax', w.total_incl_tax, p) ?? '0',
  };
}

export const orderWire = z
  .object({
    id: wId,
    code: wStr,
    customer_id: wNum,
    customer_ext_id: wStr,
    customer_comp_name: wStr,
    customer_name: wStr,
    payment: wStr,
    total_price: wNum,
    tax: wNum,
    COD_cost: wNum,
    shipping_cost: wNum,
    final_price: wNum,
    use_point: wNum,
    get_point: wNum,
    order_totals: wArr(orderTotalShape),
    ordered_at: wStr,
    status: wStr,
    order_products: wArr(wRow),
    logistics: wArr(wRow),
  })
  .transform((w, ctx): BcartOrder => {
    const id = toId(ctx, 'id', w.id);
    const orderedAt = toDateTime(ctx, 'ordered_at', w.ordered_at);
    if (orderedAt === null) ctx.addIssue({ code: 'custom', message: 'ordered_at がありません', path: ['ordered_at'] });
    // nested rows are normalised here, in plain code, rather than by a zod transform per row
    const lines = w.order_products.map((l, i) => normalizeOrderProduct(l, ctx, ['order_products', i]));
    for (const l of lines) if (l.orderId === 0) l.orderId = id;
    return {
      id,
      code: toStr(w.code),
      customerId: toInt(ctx, 'customer_id', w.customer_id),
      customerExtId: toStr(w.customer_ext_id),
      customerCompName: toStr(w.customer_comp_name),
      customerName: toStr(w.customer_name),
      payment: toStr(w.payment),
      totalPrice: toDec(ctx, 'total_price', w.total_price),
      tax: toInt(ctx, 'tax', w.tax),
      // BCart and its integrators send "" (or null) for "no fee / no points": these four mean 0
      // (docs/import-rules.md#lenient-numbers-and-timestamps). Prices, rates and totals stay null.
      codCost: toInt(ctx, 'COD_cost', w.COD_cost) ?? 0,
      shippingCost: toInt(ctx, 'shipping_cost', w.shipping_cost) ?? 0,
      finalPrice: toInt(ctx, 'final_price', w.final_price),
      usePoint: toInt(ctx, 'use_point', w.use_point) ?? 0,
      getPoint: toInt(ctx, 'get_point', w.get_point) ?? 0,
      orderTotals: w.order_totals.map((t, i) => normalizeTotal(t, ctx, i)),
      orderedAt: orderedAt ?? '',
      status: toStr(w.status),
      orderProducts: lines,
      logistics: w.logistics.map((l, i) => normalizeLogistics(l, ctx, ['logistics', i])),
    };
  });
