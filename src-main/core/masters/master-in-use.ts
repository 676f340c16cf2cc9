/**
 * Per master: its label and the fields its users depend on (docs/import-rules.md#masters-in-use).
 * Changing a 税区分's rate or a 商品's 計上単位 would change what confirmed slips and the import
 * mean; a name, フリガナ, address, phone or billing terms change nothing of that and stay editable.
 */
import type { InUseGuard } from './master-handlers';
import type { MasterKind, MasterUsageRepository } from './master-usage-repository';

const GUARDS: Record<MasterKind, { label: string; lockedFields: Record<string, string> }> = {
  departments: { label: '部門', lockedFields: { code: '部門コード' } },
  taxClasses: { label: '税区分', lockedFields: { code: '税区分コード', rate: '税率', kind: '区分' } },
  workflows: { label: 'ワークフロー', lockedFields: { code: 'ワークフローコード', kind: '種別' } },
  partners: { label: '取引先', lockedFields: { code: '取引先コード', kind: '取引先種別' } },
  products: {
    label: '商品',
    lockedFields: {
      code: '商品コード',
      variationH: '枝番(横)',
      variationV: '枝番(縦)',
      skuCode: 'SKUコード',
      taxClassId: '税区分',
      inventoryTracked: '棚卸対象',
      unitQuantity: '計上単位',
    },
  },
  bankAccounts: { label: '請求口座', lockedFields: { code: '口座コード' } },
};

export function masterInUseGuard(usage: MasterUsageRepository, kind: MasterKind): InUseGuard {
  return { ...GUARDS[kind], usersOf: (id) => usage.usersOf(kind, id) };
}
