import { ACCOUNT_TYPES, bankAccountInput, type BankAccount } from '../../../src-shared/masters/bank-account';
import { confirmedColumn, MasterPage, type MasterPageConfig } from './MasterPage';

const config: MasterPageConfig<BankAccount> = {
  prefix: 'bankAccounts',
  title: '請求口座',
  defaultSort: 'code',
  columns: [
    { key: 'code', header: '口座コード', width: 120, sortable: true, render: (r) => r.code },
    { key: 'bankName', header: '銀行名', sortable: true, render: (r) => r.bankName },
    { key: 'branchName', header: '支店名', sortable: true, render: (r) => r.branchName },
    { key: 'account', header: '種別・番号', width: 130, render: (r) => `${r.accountType} ${r.accountNumber}` },
    { key: 'holder', header: '口座名義', sortable: true, render: (r) => r.holder },
    confirmedColumn(),
  ],
  fields: [
    { name: 'code', label: '口座コード', type: 'text', required: true, hint: '半角英数字(例: BANK01)' },
    { name: 'bankName', label: '銀行名', type: 'text', required: true },
    { name: 'branchName', label: '支店名', type: 'text', required: true },
    { name: 'accountType', label: '口座種別', type: 'select', required: true, options: ACCOUNT_TYPES.map((v) => ({ value: v, label: v })) },
    { name: 'accountNumber', label: '口座番号', type: 'text', required: true, hint: '7桁の半角数字' },
    { name: 'holder', label: '口座名義', type: 'text', required: true, hint: '全角カタカナ・英数字(例: カ）ビーカートシヨウジ)' },
  ],
  schema: bankAccountInput,
  empty: { code: '', bankName: '', branchName: '', accountType: '普通', accountNumber: '', holder: '' },
  toValues: (r) => ({ code: r.code, bankName: r.bankName, branchName: r.branchName, accountType: r.accountType, accountNumber: r.accountNumber, holder: r.holder }),
};

/** 請求口座 list and form. */
export function BankAccountPage() {
  return <MasterPage config={config} />;
}
