/** Wire schema of a member (`customers[]`, `customer`, docs/bcart-api.md#members) → BcartCustomer. */
import { z } from 'zod';
import type { BcartCustomer } from '../model';
import { toId, toNullableStr, toStr, wId, wStr } from './lenient';

export const customerWire = z
  .object({
    id: wId,
    ext_id: wStr,
    comp_name: wStr,
    tanto_last_name: wStr,
    tanto_first_name: wStr,
    name: wStr,
    email: wStr,
    tel: wStr,
    payment: wStr,
    status: wStr,
  })
  .transform((w, ctx): BcartCustomer => {
    // BCart has no single contact-name field: join 担当者 last + first (docs/bcart-api.md#members)
    const tanto = [toStr(w.tanto_last_name), toStr(w.tanto_first_name)].filter((s) => s !== '').join(' ');
    return {
      id: toId(ctx, 'id', w.id),
      extId: toStr(w.ext_id),
      compName: toStr(w.comp_name),
      name: tanto !== '' ? tanto : toStr(w.name),
      email: toStr(w.email),
      tel: toStr(w.tel),
      payment: toStr(w.payment),
      status: toNullableStr(w.status),
    };
  });
