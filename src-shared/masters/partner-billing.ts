/**
 * 取引先 billing terms and address (docs/receivables-rules.md): 回収サイト (months + day or 末日),
 * the bank-holiday shift of a due date, 消費税計算単位 (伝票単位 / 請求単位 with its rounding),
 * 請求書を発行しない (入金管理のみ), 期首売掛金残高, and the recipient's 住所 / 電話 / 担当者 / 登録番号
 * printed on a 請求書. Billing terms apply to 得意先 only; for other kinds they stay empty.
 */
import { z } from 'zod';
import { phoneField, postalCodeField, registrationNumberField } from '../company/company';
import { isPaymentServiceCustomer } from '../receivables/payment-service-customers';
import { yenField } from './fields';

/** 日 31 means 末日 for 締日 and 回収日 (the last day of the month, whatever its length) */
export const END_OF_MONTH_DAY = 31;
export const HOLIDAY_SHIFTS = ['前営業日', '翌営業日'] as const;
export type HolidayShift = (typeof HOLIDAY_SHIFTS)[number];
export const TAX_UNITS = ['伝票単位', '請求単位'] as const;
export type TaxUnit = (typeof TAX_UNITS)[number];
export const TAX_ROUNDINGS = ['切り捨て', '切り上げ', '四捨五入'] as const;
export type TaxRounding = (typeof TAX_ROUNDINGS)[number];

/** Defaults of a 得意先 whose field was left empty: 翌月末, 前営業日, 伝票単位, 切り捨て, 期首 0. */
export const BILLING_DEFAULTS = {
  collectMonths: 1,
  collectDay: END_OF_MONTH_DAY,
  holidayShift: '前営業日' as HolidayShift,
  taxUnit: '伝票単位' as TaxUnit,
  taxRounding: '切り捨て' as TaxRounding,
  openingBalance: 0,
};

/** '' / null / undefined / NaN → null; "末日" → 31; "20" → 20 (CSV cells and selects send text) */
export const dayValue = (v: unknown): unknown => {
  if (v === '' || v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))) return null;
  if (typeof v === 'string') {
    const t = v.trim().replace(/日$/, '');
    if (t === '末' || t === '末日' || v.trim() === '末日') return END_OF_MONTH_DAY;
    if (/^\d{1,2}$/.test(t)) return Number(t);
  }
  return v;
};

const blank = (v: unknown): unknown => (v === '' || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v);
const numberText = (v: unknown): unknown => {
  const b = blank(v);
  return typeof b === 'string' && /^-?\d{1,12}$/.test(b.trim()) ? Number(b.trim()) : b;
};

/** A day 1–28 or 末日 (31): the 29th/30th do not exist in every month, so they are not offered. */
export const dayOfMonthField = (label: string) => {
  const message = `${label}は1〜28の日か「末日」(31)で入力してください。`;
  return z.preprocess(
    dayValue,
    z
      .number({ error: message })
      .int({ error: message })
      .refine((d) => (d >= 1 && d <= 28) || d === END_OF_MONTH_DAY, { error: message })
      .nullable(),
  );
};

const boolValue = (v: unknown): unknown => {
  if (v === '' || v === undefined || v === null) return null;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return v;
};

/** The fields added to the 取引先 form schema (all optional, so older callers and CSV files still work). */
export const partnerBillingFields = {
  postalCode: postalCodeField.optional().transform((v) => v ?? null),
  address1: z.preprocess(blank, z.string().trim().max(100, { error: '住所1は100文字以内で入力してください。' }).nullable()).optional().transform((v) => v || null),
  address2: z.preprocess(blank, z.string().trim().max(100, { error: '住所2は100文字以内で入力してください。' }).nullable()).optional().transform((v) => v || null),
  phone: phoneField.optional().transform((v) => v ?? null),
  contactName: z.preprocess(blank, z.string().trim().max(60, { error: '担当者は60文字以内で入力してください。' }).nullable()).optional().transform((v) => v || null),
  registrationNumber: registrationNumberField.optional().transform((v) => v ?? null),
  collectMonths: z
    .preprocess(
      numberText,
      z
        .number({ error: '回収月は0〜12の整数で入力してください(0: 当月、1: 翌月)。' })
        .int({ error: '回収月は0〜12の整数で入力してください(0: 当月、1: 翌月)。' })
        .min(0, { error: '回収月は0〜12の整数で入力してください(0: 当月、1: 翌月)。' })
        .max(12, { error: '回収月は0〜12の整数で入力してください(0: 当月、1: 翌月)。' })
        .nullable(),
    )
    .optional()
    .transform((v) => v ?? null),
  collectDay: dayOfMonthField('回収日').optional().transform((v) => v ?? null),
  holidayShift: z
    .preprocess(blank, z.enum(HOLIDAY_SHIFTS, { error: '休日の場合は「前営業日」「翌営業日」から選んでください。' }).nullable())
    .optional()
    .transform((v) => v ?? null),
  taxUnit: z
    .preprocess(blank, z.enum(TAX_UNITS, { error: '消費税計算単位は「伝票単位」「請求単位」から選んでください。' }).nullable())
    .optional()
    .transform((v) => v ?? null),
  taxRounding: z
    .preprocess(blank, z.enum(TAX_ROUNDINGS, { error: '消費税端数処理は「切り捨て」「切り上げ」「四捨五入」から選んでください。' }).nullable())
    .optional()
    .transform((v) => v ?? null),
  noStatement: z
    .preprocess(boolValue, z.boolean({ error: '請求書発行は「発行する」「発行しない」から選んでください。' }).nullable())
    .optional()
    .transform((v) => v ?? null),
  openingBalance: z
    .preprocess(numberText, yenField('期首売掛金残高').nullable())
    .optional()
    .transform((v) => v ?? null),
};

type BillingParsed = { [K in keyof typeof partnerBillingFields]: z.output<(typeof partnerBillingFields)[K]> };

/** Stored billing terms of a partner (all null for non-customers). */
export interface PartnerBillingValues {
  postalCode: string | null;
  address1: string | null;
  address2: string | null;
  phone: string | null;
  contactName: string | null;
  registrationNumber: string | null;
  collectMonths: number | null;
  collectDay: number | null;
  holidayShift: HolidayShift | null;
  taxUnit: TaxUnit | null;
  taxRounding: TaxRounding | null;
  noStatement: boolean | null;
  openingBalance: number | null;
}

/** What a 取引先 that is not a 得意先 (倉庫, 仕入先, 納入先) stores for the recipient and billing terms. */
export const NO_BILLING_TERMS: PartnerBillingValues = {
  postalCode: null,
  address1: null,
  address2: null,
  phone: null,
  contactName: null,
  registrationNumber: null,
  collectMonths: null,
  collectDay: null,
  holidayShift: null,
  taxUnit: null,
  taxRounding: null,
  noStatement: null,
  openingBalance: null,
};

const BILLING_ONLY = ['collectMonths', 'collectDay', 'holidayShift', 'taxUnit', 'taxRounding', 'noStatement', 'openingBalance'] as const;
const LABELS: Record<(typeof BILLING_ONLY)[number], string> = {
  collectMonths: '回収月',
  collectDay: '回収日',
  holidayShift: '休日の場合',
  taxUnit: '消費税計算単位',
  taxRounding: '消費税端数処理',
  noStatement: '請求書発行',
  openingBalance: '期首売掛金残高',
};

/** Problems of the billing fields for a kind: non-customers must leave them empty (false / 0 count as empty). */
export function billingProblems(kind: string, v: BillingParsed): { path: string; message: string }[] {
  if (kind === '得意先') return [];
  const why = `${kind}では使いません。空にするか、取引先種別を「得意先」にしてください。`;
  return BILLING_ONLY.filter((k) => v[k] !== null && v[k] !== false && v[k] !== 0).map((k) => ({ path: k, message: `${LABELS[k]}は${why}` }));
}

/** The stored values: a 得意先 gets the defaults for empty fields (請求書発行 by its code), others nulls. */
export function withBillingDefaults(kind: string, code: string, v: BillingParsed): PartnerBillingValues {
  const address = {
    postalCode: v.postalCode,
    address1: v.address1,
    address2: v.address2,
    phone: v.phone,
    contactName: v.contactName,
    registrationNumber: v.registrationNumber,
  };
  if (kind !== '得意先') {
    return { ...address, collectMonths: null, collectDay: null, holidayShift: null, taxUnit: null, taxRounding: null, noStatement: null, openingBalance: null };
  }
  return {
    ...address,
    collectMonths: v.collectMonths ?? BILLING_DEFAULTS.collectMonths,
    collectDay: v.collectDay ?? BILLING_DEFAULTS.collectDay,
    holidayShift: v.holidayShift ?? BILLING_DEFAULTS.holidayShift,
    taxUnit: v.taxUnit ?? BILLING_DEFAULTS.taxUnit,
    taxRounding: v.taxRounding ?? BILLING_DEFAULTS.taxRounding,
    noStatement: v.noStatement ?? isPaymentServiceCustomer(code),
    openingBalance: v.openingBalance ?? BILLING_DEFAULTS.openingBalance,
  };
}

/** Row fields of the partner schema for the billing terms. */
export const partnerBillingRow = {
  postalCode: z.string().nullable(),
  address1: z.string().nullable(),
  address2: z.string().nullable(),
  phone: z.string().nullable(),
  contactName: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  collectMonths: z.number().int().nullable(),
  collectDay: z.number().int().nullable(),
  holidayShift: z.enum(HOLIDAY_SHIFTS).nullable(),
  taxUnit: z.enum(TAX_UNITS).nullable(),
  taxRounding: z.enum(TAX_ROUNDINGS).nullable(),
  noStatement: z.boolean().nullable(),
  openingBalance: z.number().int().nullable(),
};

/** 「回収サイト」 as words: 翌月末, 翌々月10日, 当月25日 … */
export function collectionLabel(months: number | null, day: number | null): string {
  if (months === null || day === null) return '';
  const month = months === 0 ? '当月' : months === 1 ? '翌月' : months === 2 ? '翌々月' : `${months}か月後の`;
  return `${month}${day === END_OF_MONTH_DAY ? '末' : `${day}日`}`;
}

/** Billing terms of a 得意先 the app creates itself (payment-method customers, BCart members). */
export function newCustomerBillingTerms(code: string) {
  return {
    collectMonths: BILLING_DEFAULTS.collectMonths,
    collectDay: BILLING_DEFAULTS.collectDay,
    holidayShift: BILLING_DEFAULTS.holidayShift,
    taxUnit: BILLING_DEFAULTS.taxUnit,
    taxRounding: BILLING_DEFAULTS.taxRounding,
    noStatement: isPaymentServiceCustomer(code),
    openingBalance: BILLING_DEFAULTS.openingBalance,
  };
}
