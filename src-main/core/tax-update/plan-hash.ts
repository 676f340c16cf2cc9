/**
 * A fingerprint of a plan: apply recomputes the plan inside its transaction and refuses when the
 * fingerprint differs from the preview the user saw (the data changed in between).
 */
import { createHash } from 'node:crypto';
import type { TaxUpdatePlan } from '../../../src-shared/tax-update/types';

/** sha256 over the event, mode, counts and every change (in plan order). */
export function planHash(plan: TaxUpdatePlan): string {
  const h = createHash('sha256');
  h.update(`${plan.eventId}\u0001${plan.mode}\u0001${plan.targets}\u0001`);
  // batch the strings: one update() per change is measurably slower on 1.7 M changes
  let buf = '';
  for (const c of plan.changes) {
    buf += `${c.applicationCode}\u0001${c.itemIndex}\u0001${c.optionIndex ?? ''}\u0001${c.field}\u0001${c.old}\u0001${c.new}\u0002`;
    if (buf.length > 65_536) {
      h.update(buf);
      buf = '';
    }
  }
  h.update(buf);
  return h.digest('hex').slice(0, 32);
}
