/** Wire schema of a product (`products[]`, `product`, bcart-api.md §3.6) → BcartProduct. */
import { z } from 'zod';
import type { BcartProduct } from '../model';
import { lenientString, requiredId } from './lenient';

export const productWire = z
  .object({
    id: requiredId,
    main_no: lenientString,
    name: lenientString,
  })
  .transform((w): BcartProduct => ({ id: w.id, mainNo: w.main_no ?? '', name: w.name ?? '' }));
