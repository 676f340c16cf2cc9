/**
 * Problems found while mapping BCart orders. An 'error' makes the whole run fail (nothing is
 * written, the cursor stays); a 'warning' is only logged. Every message is Japanese, starts with
 * the 受注番号 and says what to fix, because the user reads it in システムログ without context.
 */

/** Stable machine codes (the message carries the specifics). */
export const IMPORT_PROBLEM_CODES = [
  'MISSING_NUMBER', // a number BCart sent as "" / null where one is required
  'INVALID_NUMBER', // not a decimal, not an integer yen amount, out of range
  'PAYMENT_UNKNOWN', // 決済方法 not in the 決済方法ごとの得意先 table
  'PAYMENT_UNSUPPORTED', // Paid, カスタム決済(その他)
  'MEMBER_EXT_ID_EMPTY', // 自社掛け払い / 銀行振込 without 貴社独自会員ID
  'CUSTOMER_MISSING', // the 得意先 the rule points to is not registered / confirmed
  'CUSTOMER_AMBIGUOUS', // several confirmed 得意先 share the code after NFKC normalisation
  'UNKNOWN_PRODUCT',
  'PRODUCT_SET_ID_MISSING',
  'UNIT_QUANTITY_MISMATCH', // 計上単位 ≠ BCart 入数
  'NON_INTEGER_SET_PRICE', // unit_price × 入数 is not whole yen
  'INVALID_QUANTITY',
  'UNKNOWN_TAX_RATE',
  'TAX_TYPE_MISMATCH', // warning: tax_type_id disagrees with tax_rate
  'LINE_WITHOUT_LOGISTICS',
  'LINE_LOGISTICS_UNKNOWN',
  'UNKNOWN_ITEM_TYPE', // warning: a row of an unknown type without a product was ignored
  'EMPTY_SHIPMENT', // warning: a shipped logistics record without product lines
  'SHIPMENT_DATE_MISSING',
  'CANCELLED_BUT_SHIPPED',
  'CANCELLED_AFTER_IMPORT', // warning: slips already imported for an order now cancelled
  'CANCELLED_AFTER_PARTIAL_SHIPMENT', // warning: cancelled after part of it was shipped and booked; on 要確認
  'ORDER_TOTALS_MISSING',
  'ORDER_TOTALS_INVALID', // unknown / duplicate rate, net + tax ≠ gross, a rate of the lines missing
  'FINAL_PRICE_MISMATCH',
  'TAX_DIFFERENCE', // warning: the app's tax differs from BCart's
  'RATE_TOTAL_MISMATCH', // warning: the lines of a rate do not add up to BCart's bucket of that rate
] as const;

export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** One problem of one order. */
export interface ImportProblem {
  level: 'error' | 'warning';
  /** 受注番号 */
  orderCode: string;
  /** BCart order id */
  orderId: number;
  code: ImportProblemCode;
  /** Japanese: what happened and what to fix; starts with 「受注番号 X: 」 */
  message: string;
}

/** Collects the problems of one order; prefixes every message with its 受注番号. */
export class OrderProblems {
  readonly list: ImportProblem[] = [];

  constructor(
    private readonly orderId: number,
    private readonly orderCode: string,
  ) {}

  /** Records an error; returns null so callers can `return problems.error(...)`. */
  error(code: ImportProblemCode, message: string): null {
    this.push('error', code, message);
    return null;
  }

  warning(code: ImportProblemCode, message: string): void {
    this.push('warning', code, message);
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.level === 'error');
  }

  private push(level: ImportProblem['level'], code: ImportProblemCode, message: string): void {
    this.list.push({
      level,
      orderCode: this.orderCode,
      orderId: this.orderId,
      code,
      message: `受注番号 ${this.orderCode}: ${message}`,
    });
  }
}

/** True when the run must write nothing (any problem of level 'error'). */
export function hasImportErrors(problems: readonly ImportProblem[]): boolean {
  return problems.some((p) => p.level === 'error');
}
