/** 手順1〜3 of 初期設定: 部門, 倉庫 (取引先種別 倉庫) and 請求口座, each registered and confirmed at once. */
import { ACCOUNT_TYPES } from '../../../src-shared/masters/bank-account';
import { QuickMasterStep } from './QuickMasterStep';

type StepProps = { onDone: () => void };

export function DepartmentStep({ onDone }: StepProps) {
  return (
    <QuickMasterStep
      prefix="departments"
      title="部門の登録"
      fields={[
        { name: 'code', label: '部門コード', initial: 'EC' },
        { name: 'name', label: '部門名', initial: 'EC事業部' },
      ]}
      toValues={(t) => t}
      onDone={onDone}
    />
  );
}

export function WarehouseStep({ onDone }: StepProps) {
  return (
    <QuickMasterStep
      prefix="partners"
      title="倉庫の登録"
      fields={[
        { name: 'code', label: '取引先コード', initial: 'WH-EC' },
        { name: 'name', label: '倉庫名', initial: 'Bカート連携倉庫' },
      ]}
      toValues={(t) => ({ ...t, kind: '倉庫' as const, billingType: null, closingDay: null, taxDisplay: null })}
      onDone={onDone}
    />
  );
}

export function BankAccountStep({ onDone }: StepProps) {
  return (
    <QuickMasterStep
      prefix="bankAccounts"
      title="請求口座の登録"
      fields={[
        { name: 'code', label: '口座コード', initial: 'BANK-01' },
        { name: 'bankName', label: '銀行名', initial: '' },
        { name: 'branchName', label: '支店名', initial: '' },
        { name: 'accountType', label: '口座種別', initial: '普通', options: [...ACCOUNT_TYPES] },
        { name: 'accountNumber', label: '口座番号', initial: '' },
        { name: 'holder', label: '口座名義', initial: '' },
      ]}
      // the select offers ACCOUNT_TYPES only, so the find always hits
      toValues={(t) => ({ ...t, accountType: ACCOUNT_TYPES.find((a) => a === t.accountType) ?? '普通' })}
      onDone={onDone}
    />
  );
}
