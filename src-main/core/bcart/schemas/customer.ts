/** Wire schema of a member (`customers[]`, `customer`, bcart-api.md §3.7) → BcartCustomer. */
import { z } from 'zod';
import type { BcartCustomer } from '../model';
import { lenientString, nullableString, requiredId } from './lenient';

export const customerWire = z
  .object({
    id: requiredId,
    ext_id: lenientString,
    comp_name: lenientString,
    tanto_last_name: lenientString,
    tanto_first_name: lenientString,
    name: lenientString,
    email: lenientString,
    tel: lenientString,
    payment: lenientString,
    status: nullableString,
  })
  .transform((w): BcartCustomer => {
    // BCart has no single contact-name field: join 担当者 last + first (bcart-api.md §3.7)
    const tanto = [w.tanto_last_name ?? '', w.tanto_first_name ?? ''].filter((s) => s !== '').join(' ');
    return {
      id: w.id,
      extId: w.ext_id ?? '',
      compName: w.comp_name ?? '',
      name: tanto !== '' ? tanto : (w.name ?? ''),
      email: w.email ?? '',
      tel: w.tel ?? '',
      payment: w.payment ?? '',
      status: w.status ?? null,
    };
  });
