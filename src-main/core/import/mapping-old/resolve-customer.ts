/**
 * 決済方法 → 得意先 (docs/import-rules.md#customer-per-payment-method). BCart sends the payment method's display name, so
 * the lookup is by exact (trimmed) name in the user-editable table; an unseen name is an error
 * that tells the user to add it, never a silent fallback to some default customer.
 */
import type { BcartOrder } from '../../bcart/model';
import { findCustomer } from './customer-index';
import { isNeverSupportedPayment } from './default-payment-rules';
import type { ImportMasters, LocalCustomer } from './import-masters';
import type { OrderProblems } from './import-problem';

/** The 得意先 an order is billed to, or null after recording the problem. */
export function resolveCustomer(order: BcartOrder, masters: ImportMasters, problems: OrderProblems): LocalCustomer | null {
  const payment = order.payment.trim();
  // Checked before the table: a Paid order is refused as unsupported even when the table has no
  // row for it or a row that was edited to point to a customer.
  if (isNeverSupportedPayment(payment)) {
    return problems.error(
      'PAYMENT_UNSUPPORTED',
      `決済方法「${payment}」の注文は取り込みに対応していません（EC連携設定の「決済方法ごとの得意先」では変えられません）。この注文の売上は手作業で伝票を作成して計上してください。`,
    );
  }
  const rule = masters.paymentRules.get(payment);
  if (rule === undefined) {
    return problems.error(
      'PAYMENT_UNKNOWN',
      `決済方法「${payment}」が「決済方法ごとの得意先」に登録されていません。EC連携設定の「決済方法ごとの得意先」にこの決済方法と得意先コードを追加してから、再度取り込んでください。`,
    );
  }
  if (rule.kind === 'unsupported') {
    return problems.error(
      'PAYMENT_UNSUPPORTED',
      `決済方法「${payment}」は「決済方法ごとの得意先」で取込対象外に設定されています。ショップで作成した決済方法などで取り込む場合は、EC連携設定の「決済方法ごとの得意先」でこの決済方法の得意先を指定してから、再度取り込んでください。`,
    );
  }
  if (rule.kind === 'member-ext-id') {
    const extId = order.customerExtId.trim();
    if (extId === '') {
      return problems.error(
        'MEMBER_EXT_ID_EMPTY',
        `決済方法「${payment}」の注文ですが、会員「${memberName(order)}」の貴社独自会員IDが空です。Bカートの会員情報で貴社独自会員IDを設定してから、再度取り込んでください。`,
      );
    }
    const match = findCustomer(masters.customers, extId);
    if (match.kind === 'ambiguous') return ambiguous(extId, match.codes, problems);
    if (match.kind === 'none') {
      return problems.error(
        'CUSTOMER_MISSING',
        `貴社独自会員ID「${extId}」と同じ得意先コードの得意先がありません。取引先マスタに得意先コード「${extId}」の得意先を登録して確定してから、再度取り込んでください。`,
      );
    }
    return match.customer;
  }
  const match = findCustomer(masters.customers, rule.customerCode);
  if (match.kind === 'ambiguous') return ambiguous(rule.customerCode, match.codes, problems);
  if (match.kind === 'none') {
    return problems.error(
      'CUSTOMER_MISSING',
      `決済方法「${payment}」の得意先コード「${rule.customerCode}」の得意先が登録・確定されていません。取引先マスタで得意先「${rule.customerCode}」を作成して確定してください（EC連携設定の「不足している得意先を作成」でも作成できます）。`,
    );
  }
  return match.customer;
}

/** Full / half width never decides a match, so codes that differ only in width are one code. */
function ambiguous(code: string, codes: readonly string[], problems: OrderProblems): null {
  return problems.error(
    'CUSTOMER_AMBIGUOUS',
    `得意先コード「${code}」に当てはまる得意先が複数あります（${codes.map((c) => `「${c}」`).join('、')}。全角・半角の違いは同じコードとみなします）。取引先マスタでどれか1つを残して他のコードを変更するか確定取消してから、再度取り込んでください。`,
  );
}

function memberName(order: BcartOrder): string {
  const parts = [order.customerCompName, order.customerName].map((s) => s.trim()).filter((s) => s !== '');
  return parts.length > 0 ? parts.join(' ') : `会員ID ${order.customerId ?? '不明'}`;
}
