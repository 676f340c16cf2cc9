/**
 * Synchronous inserts of the masters onboarding, the payment-rule check and the CLI init create
 * (partners, products), for use inside one transaction. Until the partner/product repositories land
 * these go straight to the tables with the same column rules.
 */
import { newCustomerBillingTerms } from '../../../src-shared/masters/partner-billing';
import { and, eq } from 'drizzle-orm';
import type { CustomerCandidate, ProductCandidate } from '../../../src-shared/setup/onboarding';
import type { CoreContext } from '../core-context';
import { partners, products, taxClasses } from '../db/schema';

type Ctx = Pick<CoreContext, 'orm' | 'now'>;

/** Existing product codes (no variation) and SKU codes: either blocks a new product of that code. */
export function existingProductCodes(ctx: Pick<CoreContext, 'orm'>): Set<string> {
  const rows = ctx.orm.select({ code: products.code, sku: products.skuCode }).from(products).all();
  return new Set(rows.flatMap((r) => (r.sku ? [r.code, r.sku] : [r.code])));
}

/** Partner kind by code. */
export function existingPartnerKinds(ctx: Pick<CoreContext, 'orm'>): Map<string, string> {
  return new Map(ctx.orm.select({ code: partners.code, kind: partners.kind }).from(partners).all().map((r) => [r.code, r.kind]));
}

/** The confirmed tax class of a kind and rate (seeded 標準10 / 軽減8 / 非課税0), or null. */
export function taxClassIdOf(ctx: Pick<CoreContext, 'orm'>, kind: '標準' | '軽減' | '非課税'): number | null {
  const rate = kind === '標準' ? 10 : kind === '軽減' ? 8 : 0;
  const r = ctx.orm
    .select({ id: taxClasses.id })
    .from(taxClasses)
    .where(and(eq(taxClasses.kind, kind), eq(taxClasses.rate, rate), eq(taxClasses.confirmed, true)))
    .orderBy(taxClasses.id)
    .get();
  return r?.id ?? null;
}

/** Inserts confirmed, inventory-tracked products from onboarding candidates. */
export function insertProducts(ctx: Ctx, rows: ProductCandidate[], taxIds: { 標準: number | null; 軽減: number | null }): void {
  const now = ctx.now();
  for (const r of rows) {
    ctx.orm
      .insert(products)
      .values({
        code: r.code,
        name: r.name,
        unitQuantity: r.unitQuantity ?? 1,
        inventoryTracked: true,
        taxClassId: taxIds[r.taxKind],
        unitPrice: r.unitPrice ?? 0,
        janCode: r.janCode === '' ? null : r.janCode,
        confirmed: true,
        createdAt: now,
        updatedAt: now,
      })
      .run();
  }
}

/** Inserts confirmed 得意先 (個別請求, 税込). */
export function insertCustomers(ctx: Ctx, rows: Pick<CustomerCandidate, 'code' | 'name'>[]): void {
  const now = ctx.now();
  for (const r of rows) {
    ctx.orm
      .insert(partners)
      .values({ code: r.code, name: r.name, kind: '得意先', billingType: '個別', taxDisplay: '税込', ...newCustomerBillingTerms(r.code), confirmed: true, createdAt: now, updatedAt: now })
      .run();
  }
}
