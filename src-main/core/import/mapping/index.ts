/** Public surface of the pure 出荷取込処理 mapping step. */
export { mapOrdersForImport, SHIPPED_STATUS } from './map-orders-for-import';
export type { ImportMasters, ImportSettings, LocalCustomer, LocalProduct, PaymentRule } from './import-masters';
export type {
  ImportPlan,
  ImportSummary,
  InvoiceDraft,
  InvoiceLineDraft,
  InvoiceLineKind,
  ProductLineDraft,
  RateAmount,
  RateTotals,
  ShipmentDraft,
  TaxRatePercent,
  WatchEntry,
  WatchReason,
} from './import-plan';
export { hasImportErrors, IMPORT_PROBLEM_CODES, type ImportProblem, type ImportProblemCode } from './import-problem';
export { carriesProduct } from './group-lines-by-logistics';
export { DEFAULT_PAYMENT_RULES, paymentRuleMap, requiredCustomerCodes, type PaymentRuleRow } from './default-payment-rules';
