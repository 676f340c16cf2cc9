/** Looks up the masters an EC連携設定 points to, for the pure validator. */
import type { EcSettingValues } from '../../../src-shared/ec-settings/ec-setting';
import type { EcSettingRefs } from '../../../src-shared/ec-settings/validate-ec-setting';
import type { MasterRepositories } from '../masters/master-repositories';

const ids = (...xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];

/** Reads only the referenced rows (ids of the form), keyed by id. */
export function loadEcSettingRefs(masters: MasterRepositories, v: EcSettingValues): EcSettingRefs {
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  return {
    departments: byId(masters.departments.findByIds(ids(v.departmentId))),
    partners: byId(masters.partners.findByIds(ids(v.warehouseId, v.defaultCustomerId))),
    bankAccounts: byId(masters.bankAccounts.findByIds(ids(v.bankAccountId))),
    taxClasses: byId(masters.taxClasses.findByIds(ids(v.standardTaxClassId, v.reducedTaxClassId, v.exemptTaxClassId))),
    products: byId(masters.products.findByIds(ids(v.shippingFeeProductId, v.discountProductId))),
    workflows: byId(masters.workflows.findByIds(ids(v.shipmentWorkflowId, v.invoiceWorkflowId))),
  };
}
