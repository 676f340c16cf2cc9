/**
 * What the pure import mapping needs to know about the local books (マスタ) and the history of
 * earlier runs. The service reads it from SQLite once per run and hands it over as plain data,
 * so the mapping (and the 取込プレビュー) never touches the database.
 */
import type { RoundingMode } from '../../../../src-shared/domain/rounding';
import type { CustomerIndex } from './customer-index';

/** EC連携設定 fields the mapping stamps on drafts or uses to decide. */
export interface ImportSettings {
  /** 連携部門 */
  departmentId: number;
  /** 連携倉庫 */
  warehouseId: number;
  /** default BCart customer (得意先); informational, payment rules decide the customer */
  defaultCustomerCode: string | null;
  /** 標準税区分 (10 %) */
  standardTaxClassId: number;
  /** 軽減税区分 (8 %) */
  reducedTaxClassId: number;
  /** 非課税税区分 (0 %) */
  exemptTaxClassId: number;
  /** 送料・手数料 product (棚卸対象外) */
  shippingFeeProductId: number;
  /** 値引・ポイント product (棚卸対象外) */
  discountProductId: number;
  /** 商品連携区分: on = 'same-code' (品番 = SKU/product code), off = 'mapping' (EC連携商品) */
  productLinkMode: 'same-code' | 'mapping';
  /** 出荷ワークフロー */
  shipmentWorkflowId: number;
  /** 請求ワークフロー */
  invoiceWorkflowId: number;
  /** the app's own per-invoice per-rate tax rounding (docs/tax-rules.md#invoices-from-bcart) */
  taxRounding: RoundingMode;
  /** 対応状況 names that mean the order is cancelled, default ['キャンセル'] */
  cancelStatuses: string[];
}

/** A confirmed 得意先. */
export interface LocalCustomer {
  id: number;
  code: string;
  name: string;
}

/** A confirmed local product (商品). */
export interface LocalProduct {
  id: number;
  code: string;
  skuCode: string | null;
  name: string;
  /** 計上単位: pieces per unit; must equal BCart's 入数 of the linked set */
  unitQuantity: number;
  /** 棚卸対象 */
  inventoryTracked: boolean;
}

/** One row of the 決済方法ごとの得意先 table (docs/import-rules.md#customer-per-payment-method). */
export type PaymentRule =
  | { kind: 'customer'; customerCode: string }
  /** 自社掛け払い, 銀行振込: the customer whose code is the member's 貴社独自会員ID */
  | { kind: 'member-ext-id' }
  /** Paid, カスタム決済(その他) */
  | { kind: 'unsupported' };

/** Snapshot of the local masters and import history for one run. */
export interface ImportMasters {
  settings: ImportSettings;
  /** confirmed customers (得意先) by their matching key (customer-index.ts) */
  customers: CustomerIndex;
  /** 決済方法 display name (trimmed) → rule */
  paymentRules: ReadonlyMap<string, PaymentRule>;
  /** same-code mode: confirmed products by SKU code (or product code when the SKU is empty) */
  productsByCode: ReadonlyMap<string, LocalProduct>;
  /** mapping mode: EC連携商品, BCart product set id → local product */
  productsBySetId: ReadonlyMap<number, LocalProduct>;
  /** BCart logistics ids that already became 出荷伝票 */
  alreadyImportedLogisticsIds: ReadonlySet<number>;
  /** BCart order ids that already have a 請求伝票 */
  alreadyInvoicedOrderIds: ReadonlySet<number>;
}
