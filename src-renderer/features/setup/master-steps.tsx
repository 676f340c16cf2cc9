/** 手順1〜3 of 初期設定: 部門, 倉庫 (取引先種別 倉庫) and 請求口座, each registered and confirmed at once. */
import { ACCOUNT_TYPES } from '../../../src-shared/masters/bank-account';
import { QuickMasterStep, type QuickField } from './QuickMasterStep';

type StepProps = { onDone: () => void };

/** The コード and 名称 every master has, with the values the wizard proposes. */
const codeAndName = (code: [label: string, initial: string], name: [label: string, initial: string]): QuickField<'code' | 'name'>[] => [
  { name: 'code', label: code[0], initial: code[1] },
  { name: 'name', label: name[0], initial: name[1] },
];

export function DepartmentStep({ onDone }: StepProps) {
  const fields = codeAndName(['部門コード', 'EC'], ['部門名', 'EC事業部']);
  return <QuickMasterStep prefix="departments" title="部門の登録" fields={fields} toValues={(t) => t} onDone={onDone} />;
}

export function WarehouseStep({ onDone }: StepProps) {
  const fields = codeAndName(['取引先コード', 'WH-EC'], ['倉庫名', 'Bカート連携倉庫']);
  const toValues = (t: Record<'code' | 'name', string>) => ({ ...t, kind: '倉庫' as const, billingType: null, closingDay: null, taxDisplay: null });
  return <QuickMasterStep prefix="partners" title="倉庫の登録" fields={fields} toValues={toValues} onDone={onDone} />;
}

const BANK_FIELDS: QuickField<'code' | 'bankName' | 'branchName' | 'accountType' | 'accountNumber' | 'holder'>[] = [
  { name: 'code', label: '口座コード', initial: 'BANK-01' },
  { name: 'bankName', label: '銀行名', initial: '' },
  { name: 'branchName', label: '支店名', initial: '' },
  { name: 'accountType', label: '口座種別', initial: '普通', options: [...ACCOUNT_TYPES] },
  { name: 'accountNumber', label: '口座番号', initial: '' },
  { name: 'holder', label: '口座名義', initial: '' },
];

export function BankAccountStep({ onDone }: StepProps) {
  return (
    <QuickMasterStep
      prefix="bankAccounts"
      title="請求口座の登録"
      fields={BANK_FIELDS}
      // the select offers ACCOUNT_TYPES only, so the find always hits
      toValues={(t) => ({ ...t, accountType: ACCOUNT_TYPES.find((a) => a === t.accountType) ?? '普通' })}
      onDone={onDone}
    />
  );
}
