/** Wire schema of a product (`products[]`, `product`, docs/bcart-api.md#products) → BcartProduct. */
import { z } from 'zod';
import type { BcartProduct } from '../model';
import { toId, toStr, wId, wStr } from './lenient';

export const productWire = z
  .object({ id: wId, main_no: wStr, name: wStr })
  .transform((w, ctx): BcartProduct => ({ id: toId(ctx, 'id', w.id), mainNo: toStr(w.main_no), name: toStr(w.name) }));
