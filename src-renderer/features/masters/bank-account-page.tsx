import { ACCOUNT_TYPES, bankAccountInput } from '../../../src-shared/masters/bank-account';
import { choices, codeAttribute } from './master-attributes';
import { masterPage } from './MasterPage';

/** 請求口座 list and form. */
export const BankAccountPage = masterPage({
  prefix: 'bankAccounts',
  title: '請求口座',
  attributes: [
    codeAttribute('口座コード', 120, '半角英数字(例: BANK01)'),
    { name: 'bankName', label: '銀行名', type: 'text', required: true, column: { sortable: true } },
    { name: 'branchName', label: '支店名', type: 'text', required: true, column: { sortable: true } },
    {
      name: 'accountType',
      label: '口座種別',
      type: 'select',
      required: true,
      options: choices(ACCOUNT_TYPES),
      column: { header: '種別・番号', width: 130, render: (r) => `${r.accountType} ${r.accountNumber}` },
    },
    { name: 'accountNumber', label: '口座番号', type: 'text', required: true, hint: '7桁の半角数字' },
    { name: 'holder', label: '口座名義', type: 'text', required: true, hint: '全角カタカナ・英数字(例: カ）ビーカートシヨウジ)', column: { sortable: true } },
  ],
  schema: bankAccountInput,
  empty: { code: '', bankName: '', branchName: '', accountType: '普通', accountNumber: '', holder: '' },
});
