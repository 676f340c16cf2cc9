import { BILLING_TYPES, closingDayLabel, PARTNER_KINDS, partnerInput, TAX_DISPLAYS } from '../../../src-shared/masters/partner';
import { api } from '../../ipc/api';
import { choices, codeAttribute, nameAttribute } from './master-attributes';
import { masterPage } from './MasterPage';

/** 取引先 (得意先 / 仕入先 / 納入先 / 倉庫) list and form, with a 種別 filter. */
export const PartnerPage = masterPage({
  prefix: 'partners',
  title: '取引先',
  attributes: [
    codeAttribute('取引先コード', 150, '255文字以内。Bカートの貴社独自会員IDと同じ文字(例: C0001、BC_CreditCard、山田商店-001/東京 本店)'),
    nameAttribute('取引先名'),
    { name: 'kind', label: '取引先種別', type: 'select', required: true, options: choices(PARTNER_KINDS), column: { header: '種別', width: 80, sortable: true } },
    {
      name: 'billingType',
      label: '請求区分',
      type: 'select',
      required: true,
      options: choices(BILLING_TYPES),
      hint: '個別: 出荷ごとに請求 / 締: 締日ごとにまとめて請求',
      showWhen: { field: 'kind', values: ['得意先'] },
      column: { header: '請求', width: 100, render: (r) => (r.billingType === '締' ? `締 ${closingDayLabel(r.closingDay)}` : (r.billingType ?? '')) },
    },
    { name: 'closingDay', label: '締日', type: 'number', required: true, hint: '1〜31(31は末日)', showWhen: { field: 'billingType', values: ['締'] } },
    {
      name: 'taxDisplay',
      label: '税表示',
      type: 'select',
      required: true,
      options: choices(TAX_DISPLAYS),
      showWhen: { field: 'kind', values: ['得意先'] },
      column: { width: 70 },
    },
  ],
  schema: partnerInput,
  empty: { code: '', name: '', kind: '得意先', billingType: '個別', closingDay: '', taxDisplay: '税込' },
  filter: {
    label: '取引先種別',
    options: PARTNER_KINDS,
    list: (input, kind) => api().partners.listByKind({ ...input, kind }),
  },
});
