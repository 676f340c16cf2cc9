import { BILLING_TYPES, closingDayLabel, PARTNER_KINDS, partnerInput, TAX_DISPLAYS, type Partner } from '../../../src-shared/masters/partner';
import { api } from '../../ipc/api';
import { confirmedColumn, MasterPage, type MasterPageConfig } from './MasterPage';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

const config: MasterPageConfig<Partner> = {
  prefix: 'partners',
  title: '取引先',
  defaultSort: 'code',
  columns: [
    { key: 'code', header: '取引先コード', width: 150, sortable: true, render: (r) => r.code },
    { key: 'name', header: '取引先名', sortable: true, render: (r) => r.name },
    { key: 'kind', header: '種別', width: 80, sortable: true, render: (r) => r.kind },
    { key: 'billing', header: '請求', width: 100, render: (r) => (r.billingType === '締' ? `締 ${closingDayLabel(r.closingDay)}` : (r.billingType ?? '')) },
    { key: 'taxDisplay', header: '税表示', width: 70, render: (r) => r.taxDisplay ?? '' },
    confirmedColumn(),
  ],
  fields: [
    { name: 'code', label: '取引先コード', type: 'text', required: true, hint: '半角英数字(例: C0001、BC_CreditCard)' },
    { name: 'name', label: '取引先名', type: 'text', required: true },
    { name: 'kind', label: '取引先種別', type: 'select', required: true, options: options(PARTNER_KINDS) },
    {
      name: 'billingType',
      label: '請求区分',
      type: 'select',
      required: true,
      options: options(BILLING_TYPES),
      hint: '個別: 出荷ごとに請求 / 締: 締日ごとにまとめて請求',
      showWhen: { field: 'kind', values: ['得意先'] },
    },
    { name: 'closingDay', label: '締日', type: 'number', required: true, hint: '1〜31(31は末日)', showWhen: { field: 'billingType', values: ['締'] } },
    { name: 'taxDisplay', label: '税表示', type: 'select', required: true, options: options(TAX_DISPLAYS), showWhen: { field: 'kind', values: ['得意先'] } },
  ],
  schema: partnerInput,
  empty: { code: '', name: '', kind: '得意先', billingType: '個別', closingDay: '', taxDisplay: '税込' },
  toValues: (r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    billingType: r.billingType ?? '',
    closingDay: r.closingDay ?? '',
    taxDisplay: r.taxDisplay ?? '',
  }),
  filter: {
    label: '取引先種別',
    options: PARTNER_KINDS,
    list: (input, kind) => api().partners.listByKind({ ...input, kind: kind as Partner['kind'] }),
  },
};

/** 取引先 (得意先 / 仕入先 / 納入先 / 倉庫) list and form, with a 種別 filter. */
export function PartnerPage() {
  return <MasterPage config={config} />;
}
