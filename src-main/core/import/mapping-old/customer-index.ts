/**
 * 得意先 lookup by code as the import matches it (docs/import-rules.md#customer-per-payment-method).
 * Both sides go through the same key: trimmed and NFKC-normalised, so a full-width
 * 「ＣＯＤＥ－００１」 in BCart's 貴社独自会員ID finds the 得意先 「CODE-001」 (and the other way
 * round). Two confirmed 得意先 whose codes share a key make that key ambiguous: the import refuses
 * to guess between them.
 */
import type { LocalCustomer } from './import-masters';

/** The key a 得意先コード or 貴社独自会員ID is matched by. */
export function customerCodeKey(code: string): string {
  return code.normalize('NFKC').trim();
}

/** Confirmed customers grouped by their matching key. */
export type CustomerIndex = ReadonlyMap<string, readonly LocalCustomer[]>;

export function customerIndex(customers: Iterable<LocalCustomer>): CustomerIndex {
  const byKey = new Map<string, LocalCustomer[]>();
  for (const c of customers) {
    const key = customerCodeKey(c.code);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [c]);
    else list.push(c);
  }
  return byKey;
}

export type CustomerMatch = { kind: 'found'; customer: LocalCustomer } | { kind: 'none' } | { kind: 'ambiguous'; codes: string[] };

export function findCustomer(index: CustomerIndex, code: string): CustomerMatch {
  const list = index.get(customerCodeKey(code));
  if (list === undefined || list.length === 0) return { kind: 'none' };
  if (list.length > 1) return { kind: 'ambiguous', codes: list.map((c) => c.code) };
  return { kind: 'found', customer: list[0]! };
}
