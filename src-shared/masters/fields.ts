/**
 * Field rules shared by the forms (react-hook-form + zodResolver) and main's IPC validation, so a
 * clerk sees the same Japanese message beside the field that main would return.
 */
import { z } from 'zod';
import { toHalfWidthCode, toKatakanaReading } from '../domain/search-fold';

/** 半角英数字と _ - のコード (取引先コード BC_NP-kakebarai も通る) */
export const codeField = (label: string, max = 30) =>
  z
    .string({ error: `${label}を入力してください。` })
    .trim()
    .min(1, { error: `${label}を入力してください。` })
    .max(max, { error: `${label}は${max}文字以内で入力してください。` })
    .regex(/^[A-Za-z0-9_.-]+$/, { error: `${label}は半角英数字と「_」「-」「.」で入力してください。` });

/** Longest 取引先コード: BCart's 貴社独自会員ID holds up to 255 characters, and it is matched to this code. */
export const PARTNER_CODE_MAX = 255;

/** Printable: no control characters and no broken UTF-16 (tabs and newlines cannot be matched or shown). */
const PRINTABLE_RE = /^[^\p{Cc}\p{Cs}]+$/u;

/** True when `code` (already trimmed) can be a 取引先コード. */
export function isPartnerCode(code: string): boolean {
  return code.length > 0 && [...code].length <= PARTNER_CODE_MAX && PRINTABLE_RE.test(code);
}

/**
 * 取引先コード: any printable text up to 255 characters, trimmed, because the import matches a
 * 得意先 by BCart's 貴社独自会員ID (docs/import-rules.md#customer-per-payment-method), which shops fill with
 * codes like 「山田商店-001/東京 本店」.
 */
export const partnerCodeField = (label: string) =>
  z
    .string({ error: `${label}を入力してください。` })
    .trim()
    .min(1, { error: `${label}を入力してください。` })
    .refine((v) => [...v].length <= PARTNER_CODE_MAX, { error: `${label}は${PARTNER_CODE_MAX}文字以内で入力してください。` })
    .refine((v) => PRINTABLE_RE.test(v), { error: `${label}にタブ・改行などの制御文字は使えません。` });

export const nameField = (label: string, max = 100) =>
  z
    .string({ error: `${label}を入力してください。` })
    .trim()
    .min(1, { error: `${label}を入力してください。` })
    .max(max, { error: `${label}は${max}文字以内で入力してください。` });

export const optionalText = (label: string, max = 100) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください。` })
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));

export const yenField = (label: string) =>
  z
    .number({ error: `${label}は整数(円)で入力してください。` })
    .int({ error: `${label}は整数(円)で入力してください。` })
    .min(-99_999_999_999, { error: `${label}が大きすぎます。` })
    .max(99_999_999_999, { error: `${label}が大きすぎます。` });

export const idField = z.number().int().positive();

/** List query common to every master list. */
export const masterListInput = z
  .object({
    query: z.string().max(100).optional(),
    confirmed: z.enum(['all', 'confirmed', 'unconfirmed']).optional(),
    sortKey: z.string().max(40).optional(),
    sortDir: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(200_000).optional(),
  })
  .strict();
export type MasterListInput = z.infer<typeof masterListInput>;

export const masterRowBase = {
  id: z.number().int(),
  confirmed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const idInput = z.object({ id: idField }).strict();

/** フリガナ: optional, stored as full-width katakana (ほてる / ﾎﾃﾙ → ホテル) so lists sort by reading. */
export const kanaField = (label = 'フリガナ', max = 100) =>
  z
    .preprocess((v) => (v === null || v === undefined ? '' : v), z.string({ error: `${label}は文字で入力してください。` }))
    .transform(toKatakanaReading)
    .pipe(z.string().max(max, { error: `${label}は${max}文字以内で入力してください。` }));

/**
 * A product or warehouse code: full-width letters and digits typed with the IME become half width
 * (ＡＢ－１２ → AB-12) before the rule of codeField is checked. Not for 得意先コード, which must stay
 * exactly as typed to equal BCart's 貴社独自会員ID.
 */
export const halfWidthCodeField = (label: string, max = 30) =>
  z.preprocess((v) => (typeof v === 'string' ? toHalfWidthCode(v) : v), codeField(label, max));
