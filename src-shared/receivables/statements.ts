/**
 * 請求締め / 請求書 across IPC (docs/receivables-rules.md). Amounts are integer yen, dates JST
 * "YYYY-MM-DD". `customer` is the 取引先コード.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/jst-date';
import { idField } from '../masters/fields';
import { TAX_ROUNDINGS, TAX_UNITS } from '../masters/partner-billing';

export const dateField = (label: string) =>
  z
    .string({ error: `${label}を YYYY-MM-DD の形式で入力してください。` })
    .refine(isIsoDate, { error: `${label}を YYYY-MM-DD の形式の正しい日付で入力してください。` });

export const STATEMENT_KINDS = ['締', '個別'] as const;

/** 今回売上 of one rate. */
export const statementSale = z.object({ rate: z.number().int(), net: z.number().int(), tax: z.number().int() });

/** One statement as `billing:close --json` prints it (and a little more for the screens). */
export const statementSummary = z.object({
  statementId: z.number().int(),
  kind: z.enum(STATEMENT_KINDS),
  customer: z.string(),
  customerName: z.string(),
  closingDate: z.string(),
  periodFrom: z.string(),
  previous: z.number().int(),
  received: z.number().int(),
  carriedOver: z.number().int(),
  sales: z.array(statementSale),
  salesTotal: z.number().int(),
  taxAdjustment: z.number().int(),
  total: z.number().int(),
  dueDate: z.string(),
  needsReview: z.boolean(),
});
export type StatementSummary = z.infer<typeof statementSummary>;

/** A customer the closing left out, and why (Japanese). */
export const closingSkip = z.object({ customer: z.string(), customerName: z.string(), reason: z.string() });
export type ClosingSkip = z.infer<typeof closingSkip>;

export const closingResult = z.object({ statements: z.array(statementSummary), skipped: z.array(closingSkip) });
export type ClosingResult = z.infer<typeof closingResult>;

export const closingInput = z
  .object({
    date: dateField('締日'),
    /** 取引先コード; omitted = every customer due on that date */
    customer: z.string().trim().min(1).max(30).optional(),
  })
  .strict();

export const statementListInput = z
  .object({
    from: dateField('開始日').optional(),
    to: dateField('終了日').optional(),
    customer: z.string().trim().max(30).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export const statementRow = statementSummary.extend({
  salesNet: z.number().int(),
  salesTax: z.number().int(),
  taxUnit: z.enum(TAX_UNITS),
  taxRounding: z.enum(TAX_ROUNDINGS),
  createdAt: z.string(),
  /** 締め取消 is possible now (the latest 締 of its customer, or any 個別) */
  canUndo: z.boolean(),
});
export type StatementRow = z.infer<typeof statementRow>;

export const statementInvoice = z.object({
  invoiceId: z.number().int(),
  /** 受注番号 (BCart order code) or the app's slip number */
  name: z.string(),
  date: z.string(),
  total: z.number().int(),
  late: z.boolean(),
  byRate: z.array(statementSale),
});

export const statementPayment = z.object({
  paymentId: z.number().int(),
  date: z.string(),
  total: z.number().int(),
  kinds: z.string(),
});

export const statementDetail = statementRow.extend({
  salesByRate: z.array(statementSale.extend({ invoiceTax: z.number().int() })),
  invoices: z.array(statementInvoice),
  payments: z.array(statementPayment),
});
export type StatementDetail = z.infer<typeof statementDetail>;

export const statementIdInput = z.object({ id: idField }).strict();

export const pdfFile = z.object({ fileName: z.string(), contentBase64: z.string(), pages: z.number().int() });
export type PdfFile = z.infer<typeof pdfFile>;

export const pdfBatchInput = z.object({ closingDate: dateField('締日') }).strict();
