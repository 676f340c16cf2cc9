/**
 * Every rule of an EC連携設定 save (docs/glossary.md#settings-and-the-bcart-connection), as one pure function: it returns ALL problems
 * with the field they belong to, so the clerk fixes everything in one pass. Main looks up the
 * referenced masters and hands them over as plain data.
 */
import type { FieldProblem } from '../errors';
import { isIsoDate } from '../domain/jst-date';
import { apiUrlProblem, isAllowedApiUrl } from './api-url-policy';
import { CANCEL_STATUS_MAX, type EcSettingValues } from './ec-setting';

export interface RefConfirmed {
  confirmed: boolean;
}
export interface PartnerRef extends RefConfirmed {
  kind: string;
}
export interface TaxClassRef extends RefConfirmed {
  rate: number;
}
export interface ProductRef extends RefConfirmed {
  inventoryTracked: boolean;
}
export interface WorkflowRef extends RefConfirmed {
  kind: string;
}

/** The referenced masters by id (missing id = the record does not exist). */
export interface EcSettingRefs {
  departments: ReadonlyMap<number, RefConfirmed>;
  partners: ReadonlyMap<number, PartnerRef>;
  bankAccounts: ReadonlyMap<number, RefConfirmed>;
  taxClasses: ReadonlyMap<number, TaxClassRef>;
  products: ReadonlyMap<number, ProductRef>;
  workflows: ReadonlyMap<number, WorkflowRef>;
}

export { isAllowedApiUrl } from './api-url-policy';

/**
 * Checks every field; [] when the settings can be saved. `today` is the JST date; `extraApiHosts`
 * is the developer setting of https hosts allowed besides bcart.jp (api-url-policy.ts).
 */
export function validateEcSetting(v: EcSettingValues, refs: EcSettingRefs, today: string, extraApiHosts: readonly string[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (v.name.trim() === '') add('name', '設定名を入力してください。');
  else if (v.name.trim().length > 60) add('name', '設定名は60文字以内で入力してください。');

  /** Shared checks of a required or optional reference; returns the record when usable. */
  function ref<T extends RefConfirmed>(path: string, label: string, id: number | null, map: ReadonlyMap<number, T>, required = true): T | null {
    if (id === null) {
      if (required) add(path, `${label}を選択してください。`);
      return null;
    }
    const r = map.get(id);
    if (!r) {
      add(path, `選択した${label}が見つかりません。削除された可能性があります。選び直してください。`);
      return null;
    }
    if (!r.confirmed) {
      add(path, `選択した${label}は未確定です。マスタで確定してから選択してください。`);
      return null;
    }
    return r;
  }

  ref('departmentId', '連携部門', v.departmentId, refs.departments);
  const wh = ref('warehouseId', '連携倉庫', v.warehouseId, refs.partners);
  if (wh && wh.kind !== '倉庫') add('warehouseId', '連携倉庫には取引先種別が「倉庫」の取引先を選択してください。');
  const cu = ref('defaultCustomerId', '得意先', v.defaultCustomerId, refs.partners, false);
  if (cu && cu.kind !== '得意先') add('defaultCustomerId', '得意先には取引先種別が「得意先」の取引先を選択してください。');
  ref('bankAccountId', '入金口座', v.bankAccountId, refs.bankAccounts);

  const taxRules: [keyof EcSettingValues & string, string, number][] = [
    ['standardTaxClassId', '標準税区分', 10],
    ['reducedTaxClassId', '軽減税区分', 8],
    ['exemptTaxClassId', '非課税税区分', 0],
  ];
  for (const [path, label, rate] of taxRules) {
    const t = ref(path, label, v[path] as number | null, refs.taxClasses);
    if (t && t.rate !== rate) add(path, `${label}には税率${rate}%の税区分を選択してください (選択中: ${t.rate}%)。`);
  }

  const productRules: [keyof EcSettingValues & string, string][] = [
    ['shippingFeeProductId', '送料・手数料の商品'],
    ['discountProductId', '値引・ポイントの商品'],
  ];
  for (const [path, label] of productRules) {
    const p = ref(path, label, v[path] as number | null, refs.products);
    if (p && p.inventoryTracked) add(path, `${label}には棚卸対象外の商品を選択してください。商品マスタで「棚卸対象」を外すか、別の商品を選んでください。`);
  }

  const sw = ref('shipmentWorkflowId', '出荷ワークフロー', v.shipmentWorkflowId, refs.workflows);
  if (sw && sw.kind !== '出荷') add('shipmentWorkflowId', '出荷ワークフローには種別が「出荷」のワークフローを選択してください。');
  const iw = ref('invoiceWorkflowId', '請求ワークフロー', v.invoiceWorkflowId, refs.workflows);
  if (iw && iw.kind !== '請求') add('invoiceWorkflowId', '請求ワークフローには種別が「請求」のワークフローを選択してください。');

  const d = v.importStartDate.trim();
  if (d === '') add('importStartDate', '出荷取込開始日を入力してください。');
  else if (!isIsoDate(d)) add('importStartDate', '出荷取込開始日は「2026/12/04」のように、実在する日付を入力してください。');
  else if (d > today) add('importStartDate', `出荷取込開始日に未来の日付は指定できません。今日 (${today}) 以前の日付を入力してください。`);

  if (!isAllowedApiUrl(v.apiBaseUrl.trim(), extraApiHosts)) add('apiBaseUrl', apiUrlProblem('APIのURL'));
  for (const [path, label] of [
    ['oauthAuthorizeUrl', '認証URL'],
    ['oauthTokenUrl', 'トークンURL'],
  ] as const) {
    const u = v[path];
    if (u !== null && u.trim() !== '' && !isAllowedApiUrl(u.trim(), extraApiHosts)) add(path, apiUrlProblem(label));
  }
  const statuses = v.cancelStatuses.map((c) => c.trim()).filter((c) => c !== '');
  if (statuses.length === 0) {
    add('cancelStatuses', 'キャンセル扱いの対応状況を1つ以上入力してください (Bカートの既定は「キャンセル」)。');
  } else if (statuses.some((c) => c.length > CANCEL_STATUS_MAX)) {
    add('cancelStatuses', `キャンセル扱いの対応状況は1つ${CANCEL_STATUS_MAX}文字以内で入力してください。`);
  }
  if (!Number.isInteger(v.rateBudget) || v.rateBudget < 1 || v.rateBudget > 300) {
    add('rateBudget', 'API呼び出し上限は1〜300の整数で入力してください (Bカートの上限は300回/300秒で、他のアプリと共有します)。');
  }
  return problems;
}
