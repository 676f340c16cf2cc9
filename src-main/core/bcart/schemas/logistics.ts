/** Wire schema of a shipment (`logistics[]`, `logistic`, docs/bcart-api.md#shipments) → BcartLogistics. */
import { z } from 'zod';
import type { BcartLogistics } from '../model';
import { toDate, toId, toText, wId, wRow, wStr, type Prefix } from './lenient';

/** Types only; normalised by normalizeLogistics. */
export const logisticsShape = z.object({
  id: wId,
  shipment_code: wStr,
  delivery_code: wStr,
  shipment_date: wStr,
  arrival_date: wStr,
  status: wStr,
});

/** Normalises a type-checked shipment; bad values become issues under `prefix`. */
export function normalizeLogistics(w: Record<string, unknown>, ctx: z.core.$RefinementCtx, prefix?: Prefix): BcartLogistics {
  return {
    id: toId(ctx, 'id', w.id, prefix),
    shipmentCode: toText(ctx, 'shipment_code', w.shipment_code, prefix),
    deliveryCode: toText(ctx, 'delivery_code', w.delivery_code, prefix),
    shipmentDate: toDate(ctx, 'shipment_date', w.shipment_date, prefix),
    arrivalDate: toDate(ctx, 'arrival_date', w.arrival_date, prefix),
    status: toText(ctx, 'status', w.status, prefix),
  };
}

export const logisticsWire = logisticsShape.transform((w, ctx) => normalizeLogistics(w, ctx, undefined));

/** A shipment row of `GET /logistics?complete=1` together with the id of its embedded order (null when not embedded). */
export interface LogisticsWithOrder {
  logistics: BcartLogistics;
  orderId: number | null;
}

/**
 * A shipment read with `complete=1`: the embedded `order` tells which order the row belongs to, so the
 * client can drop rows of other orders when BCart ignores an `order_id` filter (docs/bcart-api.md#filters).
 */
export const logisticsWithOrderWire = logisticsShape
  .extend({ order: z.union([wRow, z.null()]).optional() })
  .transform((w, ctx): LogisticsWithOrder => {
    const order = w.order ?? null;
    const orderId = order !== null && order['id'] !== undefined && order['id'] !== null && order['id'] !== '' ? toId(ctx, 'id', order['id'], ['order']) : null;
    return { logistics: normalizeLogistics(w, ctx, undefined), orderId };
  });
