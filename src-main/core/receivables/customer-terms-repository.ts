/**
 * The 得意先 as 売掛管理 reads them: code, name, recipient address and billing terms, with the
 * defaults filled in for rows written before the terms existed. Read-only: the masters' repository
 * is the one that writes partners.
 */
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import { BILLING_DEFAULTS, type HolidayShift, type TaxRounding, type TaxUnit } from '../../../src-shared/masters/partner-billing';
import { isPaymentServiceCustomer } from '../../../src-shared/receivables/payment-service-customers';
import { partners } from '../db/schema';
import type { Db } from '../db/db-handle';
import type { CollectionTerms } from './rules/due-date';

export interface CustomerTerms {
  id: number;
  code: string;
  name: string;
  billingType: '個別' | '締';
  /** 1–31 (31 = 末日) when 締 */
  closingDay: number | null;
  collection: CollectionTerms;
  taxUnit: TaxUnit;
  taxRounding: TaxRounding;
  noStatement: boolean;
  openingBalance: number;
  postalCode: string | null;
  address1: string | null;
  address2: string | null;
  phone: string | null;
  contactName: string | null;
  registrationNumber: string | null;
}

type PartnerRow = typeof partners.$inferSelect;

function toTerms(r: PartnerRow): CustomerTerms {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    billingType: r.billingType ?? '個別',
    closingDay: r.billingType === '締' ? r.closingDay : null,
    collection: {
      months: r.collectMonths ?? BILLING_DEFAULTS.collectMonths,
      day: r.collectDay ?? BILLING_DEFAULTS.collectDay,
      holidayShift: (r.holidayShift ?? BILLING_DEFAULTS.holidayShift) as HolidayShift,
    },
    taxUnit: r.taxUnit ?? BILLING_DEFAULTS.taxUnit,
    taxRounding: r.taxRounding ?? BILLING_DEFAULTS.taxRounding,
    noStatement: r.noStatement ?? isPaymentServiceCustomer(r.code),
    openingBalance: r.openingBalance ?? 0,
    postalCode: r.postalCode,
    address1: r.address1,
    address2: r.address2,
    phone: r.phone,
    contactName: r.contactName,
    registrationNumber: r.registrationNumber,
  };
}

export function createCustomerTermsRepository({ orm }: Db) {
  return {
    /** every 得意先, by code */
    all(): CustomerTerms[] {
      return orm.select().from(partners).where(eq(partners.kind, '得意先')).orderBy(asc(partners.code)).all().map(toTerms);
    },
    byId(id: number): CustomerTerms {
      const r = orm.select().from(partners).where(and(eq(partners.id, id), eq(partners.kind, '得意先'))).get();
      if (!r) throw new AppError('NOT_FOUND', `得意先 (ID ${id}) が見つかりません。取引先マスタで得意先を確認してください。`);
      return toTerms(r);
    },
    /** What the billed-history guard compares of any 取引先 (undefined: no such record). */
    billedFields(id: number): { kind: string; billingType: string | null; openingBalance: number | null } | undefined {
      return orm.select({ kind: partners.kind, billingType: partners.billingType, openingBalance: partners.openingBalance }).from(partners).where(eq(partners.id, id)).get();
    },
    byCode(code: string): CustomerTerms {
      const r = orm.select().from(partners).where(eq(partners.code, code.trim())).get();
      if (!r) throw new AppError('NOT_FOUND', `取引先コード「${code}」の得意先がありません。取引先マスタでコードを確認してください。`);
      if (r.kind !== '得意先') throw new AppError('VALIDATION', `取引先「${code}」は${r.kind}です。得意先のコードを指定してください。`);
      return toTerms(r);
    },
  };
}
export type CustomerTermsRepository = ReturnType<typeof createCustomerTermsRepository>;
