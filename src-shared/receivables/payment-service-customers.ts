/**
 * The 得意先 of the BCart payment services (決済方法ごとの得意先). The service bills and collects from
 * the buyer, so by default these customers get 入金予定 and 消込 but no 請求書 (請求書を発行しない,
 * 入金管理のみ). The default applies to customers the app creates and, once, to existing ones; a
 * clerk may change it afterwards.
 */
export const PAYMENT_SERVICE_CUSTOMER_CODES = [
  'BC_CreditCard',
  'BC_BcBilling',
  'BC_BcBillingAgency',
  'BC_PayPal',
  'BC_NP-kakebarai',
  'BC_CashOnDelivery',
  'BC_YamatoBilling',
] as const;

/** True for the payment-service customer codes above (exact match, as the import resolves them). */
export function isPaymentServiceCustomer(code: string): boolean {
  return (PAYMENT_SERVICE_CUSTOMER_CODES as readonly string[]).includes(code.trim());
}
