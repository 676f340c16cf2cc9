/**
 * The settings form's fields in the manual's order, and the conversion between the form's string
 * values and the IPC input (select '' → null, ids → numbers).
 */
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import type { EcSetting, EcSettingValues } from '../../../src-shared/ec-settings/ec-setting';
import { formatJstDate, parseDateText } from '../../format/datetime';
import type { useSettingOptions } from './master-options';

type Options = ReturnType<typeof useSettingOptions>;

export interface SettingField {
  name: keyof EcSettingValues & string;
  label: string;
  type: 'text' | 'date' | 'number' | 'checkbox' | 'select';
  options?: (o: Options) => { value: string; label: string }[];
  required?: boolean;
  hint?: string;
}

export const REF_FIELDS = [
  'departmentId',
  'warehouseId',
  'defaultCustomerId',
  'bankAccountId',
  'standardTaxClassId',
  'reducedTaxClassId',
  'exemptTaxClassId',
  'shippingFeeProductId',
  'discountProductId',
  'shipmentWorkflowId',
  'invoiceWorkflowId',
] as const;

export const SETTING_FIELDS: SettingField[] = [
  { name: 'name', label: '設定名', type: 'text', required: true },
  { name: 'platform', label: 'EC連携先', type: 'select', required: true, options: () => [{ value: 'Bカート', label: 'Bカート' }] },
  { name: 'departmentId', label: '連携部門', type: 'select', required: true, options: (o) => o.departments, hint: '取り込んだ伝票の部門' },
  { name: 'warehouseId', label: '連携倉庫', type: 'select', required: true, options: (o) => o.warehouses, hint: '在庫をBカートへ反映する倉庫 (取引先種別「倉庫」)' },
  { name: 'defaultCustomerId', label: '得意先', type: 'select', options: (o) => o.customers, hint: '既定のBカート得意先 (任意)' },
  { name: 'bankAccountId', label: '入金口座', type: 'select', required: true, options: (o) => o.banks },
  { name: 'standardTaxClassId', label: '標準税区分', type: 'select', required: true, options: (o) => o.taxClasses, hint: '税率10%' },
  { name: 'reducedTaxClassId', label: '軽減税区分', type: 'select', required: true, options: (o) => o.taxClasses, hint: '税率8%' },
  { name: 'exemptTaxClassId', label: '非課税税区分', type: 'select', required: true, options: (o) => o.taxClasses, hint: '税率0%' },
  { name: 'shippingFeeProductId', label: '送料・手数料', type: 'select', required: true, options: (o) => o.feeProducts, hint: '棚卸対象外の商品' },
  { name: 'discountProductId', label: '値引・ポイント', type: 'select', required: true, options: (o) => o.feeProducts, hint: '棚卸対象外の商品' },
  { name: 'importStartDate', label: '出荷取込開始日', type: 'date', required: true, hint: 'Bカートの受注日 (日本時間) でこの日から取り込みます。2026/12/04 の形で入力' },
  { name: 'productLinkSameCode', label: '商品連携区分', type: 'checkbox', hint: 'オン: Bカートの品番 = 商品コード/SKUコード。オフ: EC連携商品で対応付け' },
  { name: 'shipmentWorkflowId', label: '出荷ワークフロー', type: 'select', required: true, options: (o) => o.workflows },
  { name: 'invoiceWorkflowId', label: '請求ワークフロー', type: 'select', required: true, options: (o) => o.workflows },
  { name: 'apiBaseUrl', label: 'APIのURL', type: 'text', required: true },
  { name: 'oauthAuthorizeUrl', label: '認証URL', type: 'text', hint: '空欄: 既定値 (https://api.bcart.jp/oauth/authorize)' },
  { name: 'oauthTokenUrl', label: 'トークンURL', type: 'text', hint: '空欄: 既定値 (https://api.bcart.jp/oauth/token)' },
  { name: 'oauthClientId', label: 'クライアントID', type: 'text', hint: '空欄: bcart-desk' },
  { name: 'rateBudget', label: 'API呼び出し上限', type: 'number', hint: '300秒あたりの回数 (Bカートの上限300回を他のアプリと共有)' },
  {
    name: 'cancelStatuses',
    label: 'キャンセル扱いの対応状況',
    type: 'text',
    required: true,
    hint: 'Bカートの対応状況名。この対応状況の受注は取り込みません。複数は「、」で区切ります (既定: キャンセル)',
  },
  {
    name: 'taxRounding',
    label: '消費税の端数処理',
    type: 'select',
    options: () => [
      { value: 'floor', label: '切り捨て' },
      { value: 'ceil', label: '切り上げ' },
      { value: 'round', label: '四捨五入' },
    ],
  },
];

export type FormValues = Record<string, string | boolean>;

/** Settings → form strings. */
export function toFormValues(s: EcSettingValues | EcSetting): FormValues {
  const out: FormValues = {};
  for (const f of SETTING_FIELDS) {
    const v = s[f.name];
    out[f.name] = typeof v === 'boolean' ? v : v === null ? '' : Array.isArray(v) ? v.join('、') : f.type === 'date' ? formatJstDate(String(v)) : String(v);
  }
  return out;
}

/** A typed date (2026/12/4, 20261204 …) → 'YYYY-MM-DD'; text that is no date goes to main as typed, which names the problem. */
export function dateInputOf(text: string, today = jstDateOf(Date.now())): string {
  return parseDateText(text, today) ?? text;
}

/** Form strings → IPC input. */
export function toInput(v: FormValues): EcSettingValues {
  const str = (k: string) => String(v[k] ?? '');
  const ref = (k: string) => (str(k) === '' ? null : Number(str(k)));
  const opt = (k: string) => (str(k).trim() === '' ? null : str(k));
  return {
    name: str('name'),
    platform: 'Bカート',
    departmentId: ref('departmentId'),
    warehouseId: ref('warehouseId'),
    defaultCustomerId: ref('defaultCustomerId'),
    bankAccountId: ref('bankAccountId'),
    standardTaxClassId: ref('standardTaxClassId'),
    reducedTaxClassId: ref('reducedTaxClassId'),
    exemptTaxClassId: ref('exemptTaxClassId'),
    shippingFeeProductId: ref('shippingFeeProductId'),
    discountProductId: ref('discountProductId'),
    importStartDate: dateInputOf(str('importStartDate')),
    productLinkSameCode: v['productLinkSameCode'] === true,
    shipmentWorkflowId: ref('shipmentWorkflowId'),
    invoiceWorkflowId: ref('invoiceWorkflowId'),
    apiBaseUrl: str('apiBaseUrl'),
    oauthAuthorizeUrl: opt('oauthAuthorizeUrl'),
    oauthTokenUrl: opt('oauthTokenUrl'),
    oauthClientId: opt('oauthClientId'),
    rateBudget: Number.parseInt(str('rateBudget'), 10) || 0,
    taxRounding: (['floor', 'ceil', 'round'] as const).find((x) => x === str('taxRounding')) ?? 'floor',
    cancelStatuses: splitStatuses(str('cancelStatuses')),
  };
}

/** 「キャンセル、取消し」 → names; 、 , and ， all separate (a 対応状況 name never holds them in practice). */
export function splitStatuses(text: string): string[] {
  return text
    .split(/[、,，\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
