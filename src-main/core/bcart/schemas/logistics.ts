/** Wire schema of a shipment (`logistics[]`, `logistic`, bcart-api.md §3.3) → BcartLogistics. */
import { z } from 'zod';
import type { BcartLogistics } from '../model';
import { jstDate, lenientString, requiredId } from './lenient';

export const logisticsWire = z
  .object({
    id: requiredId,
    shipment_code: lenientString,
    delivery_code: lenientString,
    shipment_date: jstDate,
    arrival_date: jstDate,
    status: lenientString,
  })
  .transform(
    (w): BcartLogistics => ({
      id: w.id,
      shipmentCode: w.shipment_code ?? '',
      deliveryCode: w.delivery_code ?? '',
      shipmentDate: w.shipment_date ?? null,
      arrivalDate: w.arrival_date ?? null,
      status: w.status ?? '',
    }),
  );
