/**
 * 入金種別 of a 入金伝票 line. Every kind counts as 今回入金額 on the next 請求書 and reduces the
 * balance: 相殺 (set-off against a payable), 振込手数料 / 手数料 (a fee the customer or a card company
 * deducted) and 値引 settle the receivable just like money.
 */
export const PAYMENT_KINDS = ['振込', '現金', '小切手', '手形', '相殺', '振込手数料', '手数料', '値引', 'その他'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
