/**
 * Data of the one-time subscription tax update (定期申込商品消費税自動更新, docs/tax-rules.md#re-rating-in-the-tax-update).
 * Everything here is plain data so the same values cross IPC, CSV and the database unchanged.
 * Prices are integer yen (safe integers; option prices may be negative). Rates are integer percent,
 * because the 税区分 master stores integer rates too; a rate change is data (RateChangeEvent),
 * never a constant in the update code.
 */
import type { RoundingMode } from '../domain/rounding';

/** 税率区分 of an item or option: 標準税率 / 軽減税率 */
export type TaxRateType = '標準' | '軽減';
export const TAX_RATE_TYPES: readonly TaxRateType[] = ['標準', '軽減'];

/** 申込状態. Only 継続中 applications are updated. */
export type SubscriptionStatus = '継続中' | '停止' | '解約';
export const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = ['継続中', '停止', '解約'];

/** A change of the consumption-tax rates; each event can be applied once (one-time run). */
export interface RateChangeEvent {
  id: string;
  /** JST calendar date YYYY-MM-DD from which the new rates apply */
  effectiveDate: string;
  oldStandard: number;
  newStandard: number;
  oldReduced: number;
  newReduced: number;
  /** Japanese label shown in the UI, e.g. "2019年10月 消費税率改定 (8%→10%)" */
  label: string;
}

/** The 2019-10-01 change: standard 8 % → 10 %, reduced rate introduced at 8 % (8 → 8). */
export const PRESET_2019: RateChangeEvent = Object.freeze({
  id: 'jp-2019-10-01',
  effectiveDate: '2019-10-01',
  oldStandard: 8,
  newStandard: 10,
  oldReduced: 8,
  newReduced: 8,
  label: '2019年10月1日 消費税率改定(標準8%→10%、軽減8%)',
});

/** An option of an item (e.g. ギフト包装 +¥300, 定期割引 −¥100). */
export interface SubscriptionOption {
  name: string;
  /** integer yen per unit; negative for discounts */
  price: number;
  taxIncluded: boolean;
  taxRateType: TaxRateType;
}

/** 申込商品: one product (商品番号 + バリエーション枝番号(横)(縦)) of an application. */
export interface SubscriptionItem {
  productCode: string;
  /** バリエーション枝番号(横); may be '' */
  variationH: string;
  /** バリエーション枝番号(縦); may be '' */
  variationV: string;
  name: string;
  /** positive integer */
  quantity: number;
  /** 定期・頒布会 販売価格(初回), integer yen per unit */
  firstPrice: number;
  /** 販売価格(通常回) */
  regularPrice: number;
  /** 販売価格(最終回) */
  lastPrice: number;
  /** true: the three prices include tax (税込); false: they are the tax-exclusive base (税抜) */
  taxIncluded: boolean;
  taxRateType: TaxRateType;
  options: SubscriptionOption[];
}

/** 定期・頒布会 申込 */
export interface SubscriptionApplication {
  code: string;
  customerCode: string;
  status: SubscriptionStatus;
  /** 受注処理済: the next order has already been processed (then the update skips it) */
  orderProcessed: boolean;
  /** the application's 標準税率 (%) */
  standardRate: number;
  /** the application's 軽減税率 (%) */
  reducedRate: number;
  items: SubscriptionItem[];
}

/**
 * 税率区分 of a product in the product master, matched by 商品番号 + 枝番(横)(縦).
 * null = the product no longer exists (deleted): the application keeps its own setting.
 */
export type ProductTaxLookup = (productCode: string, variationH: string, variationV: string) => TaxRateType | null;

/** Sale prices (販売価格) of one delivery kind: 初回 / 通常回 / 最終回, tax included. */
export interface SalePrices {
  first: number;
  regular: number;
  last: number;
}

export type PlanChangeField = 'firstPrice' | 'regularPrice' | 'lastPrice' | 'optionPrice' | 'taxRateType' | 'standardRate' | 'reducedRate';

/** One real change of the plan (preview line: old → new). */
export interface PlanChange {
  applicationCode: string;
  /** '' for application-level fields (standardRate / reducedRate) */
  productCode: string;
  /** "H/V" (枝番横/枝番縦); '' for application-level fields */
  variation: string;
  field: PlanChangeField;
  /** set for field 'optionPrice' */
  optionName?: string;
  /** 0-based position of the item in the application (same product may appear twice); -1 for application fields */
  itemIndex: number;
  /** 0-based position of the option in the item, for 'optionPrice' */
  optionIndex?: number;
  old: string | number;
  new: string | number;
}

/** Sale prices of one target application before and after the update (step 4). */
export interface ApplicationSalePrices {
  applicationCode: string;
  before: SalePrices;
  after: SalePrices;
}

export interface TaxUpdatePlan {
  eventId: string;
  mode: RoundingMode;
  /** number of target applications */
  targets: number;
  /** every real change, ordered by application code (code-point order), item, field, option */
  changes: PlanChange[];
  /** per target application, in the same order as `changes` */
  salePrices: ApplicationSalePrices[];
  totals: {
    /** Σ over target applications of their sale prices before the update */
    before: SalePrices;
    after: SalePrices;
    /** number of changed prices (item prices and option prices) */
    changedPrices: number;
    /** number of target applications with at least one change */
    changedApplications: number;
  };
  /** the input applications in input order; targets replaced by their updated copy, others the same objects */
  updatedApplications: SubscriptionApplication[];
}
