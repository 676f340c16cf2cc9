/**
 * 自社情報: the issuer printed on every 請求書. With a 登録番号 the 請求書 is an 適格請求書; without
 * one it is a plain 請求書 and says so. The bank accounts chosen here (請求口座 master, in order) are
 * printed as 振込先.
 */
import { z } from 'zod';
import { idField } from '../masters/fields';
import { normalizeRegistrationNumber, REGISTRATION_MESSAGES, registrationNumberProblem } from './registration-number';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}は文字で入力してください。` })
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください。` });

/** '' / null / undefined → null */
const emptyToNull = (v: unknown): unknown => (v === '' || v === undefined ? null : v);

/** Optional 登録番号: blank → null; otherwise "T" + 13 digits with a valid check digit. */
export const registrationNumberField = z.preprocess(
  (v) => (typeof v === 'string' ? (normalizeRegistrationNumber(v) === '' ? null : normalizeRegistrationNumber(v)) : emptyToNull(v)),
  z
    .string({ error: REGISTRATION_MESSAGES.format })
    .superRefine((v, ctx) => {
      const problem = registrationNumberProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: REGISTRATION_MESSAGES[problem] });
    })
    .nullable(),
);

/** 郵便番号 "1234567" or "123-4567", stored as "123-4567"; blank → null */
export const postalCodeField = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().replace(/[０-９－]/g, (c) => (c === '－' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))) : emptyToNull(v)),
  z
    .string()
    .regex(/^\d{3}-?\d{4}$/, { error: '郵便番号は7桁の数字で入力してください(例: 100-0001)。' })
    .transform((v) => (v.includes('-') ? v : `${v.slice(0, 3)}-${v.slice(3)}`))
    .nullable(),
);

/** 電話番号: digits, hyphens, parentheses, + ; blank → null */
export const phoneField = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : emptyToNull(v)),
  z
    .string()
    .regex(/^[0-9+\-() ]{6,20}$/, { error: '電話番号は半角の数字と「-」で入力してください(例: 03-1234-5678)。' })
    .nullable(),
);

const optionalText = (label: string, max: number) => z.preprocess(emptyToNull, text(label, max).nullable()).transform((v) => (v === '' ? null : v));

export const companyInput = z
  .object({
    name: text('会社名', 100).min(1, { error: '会社名を入力してください。' }),
    postalCode: postalCodeField.optional().transform((v) => v ?? null),
    address1: optionalText('住所1', 100).optional().transform((v) => v ?? null),
    address2: optionalText('住所2', 100).optional().transform((v) => v ?? null),
    phone: phoneField.optional().transform((v) => v ?? null),
    registrationNumber: registrationNumberField.optional().transform((v) => v ?? null),
    /** 請求口座 ids printed as 振込先, in this order */
    bankAccountIds: z.array(idField, { error: '振込先の口座を選んでください。' }).max(5, { error: '振込先の口座は5つまで選べます。' }).default([]),
  })
  .strict();
export type CompanyInput = z.input<typeof companyInput>;
export type CompanyValues = z.output<typeof companyInput>;

export const companyBankAccount = z.object({
  id: z.number().int(),
  bankName: z.string(),
  branchName: z.string(),
  accountType: z.string(),
  accountNumber: z.string(),
  holder: z.string(),
});
export type CompanyBankAccount = z.infer<typeof companyBankAccount>;

/** 自社情報 as stored; `saved` is false until it was saved once (all fields empty then). */
export const company = z.object({
  saved: z.boolean(),
  name: z.string(),
  postalCode: z.string().nullable(),
  address1: z.string().nullable(),
  address2: z.string().nullable(),
  phone: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  bankAccounts: z.array(companyBankAccount),
  updatedAt: z.string().nullable(),
});
export type Company = z.infer<typeof company>;
