/** Looks up the masters an EC連携設定 points to, for the pure validator. */
import { inArray } from 'drizzle-orm';
import type { EcSettingValues } from '../../../src-shared/ec-settings/ec-setting';
import type { EcSettingRefs } from '../../../src-shared/ec-settings/validate-ec-setting';
import type { CoreContext } from '../core-context';
import { bankAccounts, departments, partners, products, taxClasses, workflows } from '../db/schema';

const ids = (...xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];

/** Reads only the referenced rows (ids of the form), keyed by id. */
export function loadEcSettingRefs(ctx: Pick<CoreContext, 'orm'>, v: EcSettingValues): EcSettingRefs {
  const db = ctx.orm;
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const dep = ids(v.departmentId);
  const par = ids(v.warehouseId, v.defaultCustomerId);
  const bank = ids(v.bankAccountId);
  const tax = ids(v.standardTaxClassId, v.reducedTaxClassId, v.exemptTaxClassId);
  const prod = ids(v.shippingFeeProductId, v.discountProductId);
  const wf = ids(v.shipmentWorkflowId, v.invoiceWorkflowId);
  return {
    departments: byId(dep.length ? db.select({ id: departments.id, confirmed: departments.confirmed }).from(departments).where(inArray(departments.id, dep)).all() : []),
    partners: byId(par.length ? db.select({ id: partners.id, confirmed: partners.confirmed, kind: partners.kind }).from(partners).where(inArray(partners.id, par)).all() : []),
    bankAccounts: byId(bank.length ? db.select({ id: bankAccounts.id, confirmed: bankAccounts.confirmed }).from(bankAccounts).where(inArray(bankAccounts.id, bank)).all() : []),
    taxClasses: byId(tax.length ? db.select({ id: taxClasses.id, confirmed: taxClasses.confirmed, rate: taxClasses.rate }).from(taxClasses).where(inArray(taxClasses.id, tax)).all() : []),
    products: byId(
      prod.length
        ? db.select({ id: products.id, confirmed: products.confirmed, inventoryTracked: products.inventoryTracked }).from(products).where(inArray(products.id, prod)).all()
        : [],
    ),
    workflows: byId(wf.length ? db.select({ id: workflows.id, confirmed: workflows.confirmed, kind: workflows.kind }).from(workflows).where(inArray(workflows.id, wf)).all() : []),
  };
}
