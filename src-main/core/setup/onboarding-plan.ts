/**
 * Pure plans of the onboarding from BCart (初期設定, docs/glossary.md#settings-and-the-bcart-connection):
 * which products to create from BCart sets (code = 品番, 計上単位 = 入数, tax class from tax_type_id)
 * and which 得意先 from members with a 貴社独自会員ID (code = ext_id). Existing codes are skipped and
 * reported, so a re-run creates nothing.
 */
import Decimal from 'decimal.js';
import type { CustomerCandidate, ProductCandidate } from '../../../src-shared/setup/onboarding';
import { isPartnerCode, PARTNER_CODE_MAX } from '../../../src-shared/masters/fields';
import type { BcartCustomer, BcartProduct, BcartProductSet } from '../bcart/model';
import { customerCodeKey } from '../import/mapping/customer-index';

const CODE_RE = /^[A-Za-z0-9_.-]{1,30}$/;

/** 入数 as a positive integer, or null ("12.5", "", 0 are not usable as 計上単位). */
export function setQuantity(q: string | null): number | null {
  if (q === null || q.trim() === '') return null;
  const d = new Decimal(q);
  return d.isInteger() && d.gt(0) && d.lte(1_000_000) ? d.toNumber() : null;
}

/** Per-set price in whole yen (BCart prices per piece), or null when not a whole, safe-integer yen. */
export function setPrice(unitPrice: string | null, quantity: number | null): number | null {
  if (unitPrice === null || unitPrice.trim() === '' || quantity === null) return null;
  const total = new Decimal(unitPrice).mul(quantity);
  return total.isInteger() && Number.isSafeInteger(total.toNumber()) ? total.toNumber() : null;
}

/** Candidates for products, one per BCart set, in BCart's order. */
export function planProductsFromSets(
  sets: readonly BcartProductSet[],
  bcartProducts: readonly BcartProduct[],
  existingCodes: ReadonlySet<string>,
): ProductCandidate[] {
  const productNames = new Map(bcartProducts.map((p) => [p.id, p.name]));
  const seen = new Set<string>();
  return sets.map((s) => {
    const code = s.productNo.trim();
    const quantity = setQuantity(s.quantity);
    const base = s.productId !== null ? productNames.get(s.productId) : undefined;
    const name = [base, s.name].filter((x) => x && x.trim() !== '').join(' ') || code;
    const c: ProductCandidate = {
      code,
      name,
      unitQuantity: quantity,
      taxKind: s.taxTypeId === 2 ? '軽減' : '標準',
      janCode: s.janCode.trim(),
      unitPrice: setPrice(s.unitPrice, quantity),
      status: 'new',
      reason: null,
    };
    if (!CODE_RE.test(code)) return { ...c, status: 'invalid', reason: `品番「${code}」は商品コードに使えません (半角英数字と「_」「-」「.」の30文字以内)。Bカートで品番を直すか、手作業で登録してください。` };
    if (quantity === null) return { ...c, status: 'invalid', reason: `入数「${s.quantity ?? ''}」は計上単位に使えません (1以上の整数が必要)。Bカートで入数を確認してください。` };
    if (seen.has(code)) return { ...c, status: 'invalid', reason: `品番「${code}」がBカートで重複しています。最初のセットだけを登録します。` };
    seen.add(code);
    if (existingCodes.has(code)) return { ...c, status: 'exists', reason: 'この商品コードはすでに登録されています。' };
    return c;
  });
}

/** Candidates for 得意先: members with a 貴社独自会員ID only. */
export function planCustomersFromMembers(members: readonly BcartCustomer[], existingCodes: ReadonlyMap<string, string>): CustomerCandidate[] {
  const seen = new Set<string>();
  return members
    .filter((m) => m.extId.trim() !== '')
    .map((m) => {
      const code = m.extId.trim();
      const key = customerCodeKey(code);
      const name = (m.compName.trim() || m.name.trim() || code).slice(0, 100);
      const c: CustomerCandidate = { code, name, status: 'new', reason: null };
      if (!isPartnerCode(code)) return { ...c, status: 'invalid', reason: `貴社独自会員ID「${code}」は取引先コードに使えません (${PARTNER_CODE_MAX}文字以内、制御文字なし)。Bカートの会員情報を直してください。` };
      if (seen.has(key)) return { ...c, status: 'invalid', reason: `貴社独自会員ID「${code}」が複数の会員で重複しています。Bカートの会員情報を直してください。` };
      seen.add(key);
      const kind = existingCodes.get(code);
      if (kind === '得意先') return { ...c, status: 'exists', reason: 'この得意先コードはすでに登録されています。' };
      if (kind) return { ...c, status: 'invalid', reason: `コード「${code}」は取引先種別「${kind}」の取引先で使われています。` };
      return c;
    });
}
