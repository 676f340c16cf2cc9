/**
 * Public surface of the pure 出荷取込処理 mapping step.
 *
 * Service usage: fetch the window's orders (+ the watched orders) → build ImportMasters from the DB
 * → `const plan = mapOrdersForImport(orders, masters)` → if `hasImportErrors(plan.problems)` write
 * nothing (log every problem, cursor stays); else in ONE transaction insert plan.shipments (確定,
 * stock out for lines with inventoryTracked), plan.invoices, upsert plan.watch, delete
 * plan.resolvedOrderIds from the watch list, log warnings, move the cursor. The 取込プレビュー shows
 * the same plan without writing.
 */
export { mapOrdersForImport, SHIPPED_STATUS } from './map-orders-for-import';
export type { ImportMasters, ImportSettings, LocalCustomer, LocalProduct, PaymentRule } from './import-masters';
export type {
  ImportPlan,
  BuyerDraft,
  ImportSummary,
  InvoiceDraft,
  InvoiceLineDraft,
  InvoiceLineKind,
  ProductLineDraft,
  RateAmount,
  RateTotals,
  ReviewDraft,
  ShipmentDraft,
  TaxRatePercent,
  WatchEntry,
  WatchReason,
} from './import-plan';
export { hasImportErrors, IMPORT_PROBLEM_CODES, type ImportProblem, type ImportProblemCode } from './import-problem';
export { carriesProduct } from './group-lines-by-logistics';
export { DEFAULT_PAYMENT_RULES, paymentRuleMap, requiredCustomerCodes, type PaymentRuleRow } from './default-payment-rules';
export { shippedPartInvoice, type BookedShipment } from './shipped-part-invoice';
