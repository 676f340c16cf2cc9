/** Wire schema of a shipment (`logistics[]`, `logistic`, bcart-api.md §3.3) → BcartLogistics. */
import { z } from 'zod';
import type { BcartLogistics } from '../model';
import { toDate, toId, toStr, wId, wStr , type Prefix } from './lenient';

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
export function normalizeLogistics(w: z.output<typeof logisticsShape>, ctx: z.core.$RefinementCtx, prefix?: Prefix): BcartLogistics {
  return {
    id: toId(ctx, 'id', w.id, prefix),
    shipmentCode: toStr(w.shipment_code),
    deliveryCode: toStr(w.delivery_code),
    shipmentDate: toDate(ctx, 'shipment_date', w.shipment_date, prefix),
    arrivalDate: toDate(ctx, 'arrival_date', w.arrival_date, prefix),
    status: toStr(w.status),
  };
}

export const logisticsWire = logisticsShape.transform((w, ctx) => normalizeLogistics(w, ctx, undefined));
