/**
 * Once per database (app_state 'receivables.billing-terms.v1'): 得意先 written before the billing
 * terms existed get the defaults (翌月末, 前営業日, 伝票単位, 切り捨て), and the payment-service
 * customers (BC_CreditCard …) become 請求書を発行しない (入金管理のみ). It runs once, so a clerk's later
 * choice is never overwritten; it is idempotent anyway (only empty terms are filled).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { BILLING_DEFAULTS } from '../../../src-shared/masters/partner-billing';
import { PAYMENT_SERVICE_CUSTOMER_CODES } from '../../../src-shared/receivables/payment-service-customers';
import type { SqliteDb } from '../db/open';
import { appState, partners } from '../db/schema';
import type { Orm } from './receivables-deps';

const KEY = 'receivables.billing-terms.v1';

/** Returns true when it ran (false: already done before). */
export function applyBillingTermDefaults(db: SqliteDb, orm: Orm, now: string): boolean {
  return db.transaction(() => {
    if (orm.select().from(appState).where(eq(appState.key, KEY)).get()) return false;
    const customers = eq(partners.kind, '得意先');
    orm.update(partners).set({ collectMonths: BILLING_DEFAULTS.collectMonths }).where(and(customers, isNull(partners.collectMonths))).run();
    orm.update(partners).set({ collectDay: BILLING_DEFAULTS.collectDay }).where(and(customers, isNull(partners.collectDay))).run();
    orm.update(partners).set({ holidayShift: BILLING_DEFAULTS.holidayShift }).where(and(customers, isNull(partners.holidayShift))).run();
    orm.update(partners).set({ taxUnit: BILLING_DEFAULTS.taxUnit }).where(and(customers, isNull(partners.taxUnit))).run();
    orm.update(partners).set({ taxRounding: BILLING_DEFAULTS.taxRounding }).where(and(customers, isNull(partners.taxRounding))).run();
    orm.update(partners).set({ openingBalance: BILLING_DEFAULTS.openingBalance }).where(and(customers, isNull(partners.openingBalance))).run();
    orm.update(partners).set({ noStatement: false }).where(and(customers, isNull(partners.noStatement))).run();
    orm
      .update(partners)
      .set({ noStatement: true })
      .where(and(customers, inArray(partners.code, [...PAYMENT_SERVICE_CUSTOMER_CODES])))
      .run();
    orm.insert(appState).values({ key: KEY, value: '1', updatedAt: now }).run();
    return true;
  })();
}
