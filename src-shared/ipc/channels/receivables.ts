/**
 * 売掛管理 channels (docs/receivables-rules.md): 自社情報, 請求締め and 請求書 PDF, 入金処理 and 消込,
 * 売掛金残高一覧 / aging and 入金予定.
 */
import { z } from 'zod';
import { company, companyInput } from '../../company/company';
import { csvDownload } from '../../csv/csv-file';
import { balancesCsvInput, balancesInput, balancesResult, scheduleInput, scheduleResult } from '../../receivables/balances';
import {
  applyCreditsResult,
  customerIdInput,
  openItemsResult,
  paymentDetail,
  paymentIdInput,
  paymentListInput,
  paymentRecordInput,
  paymentRecordResult,
  paymentRow,
} from '../../receivables/payments';
import { closingInput, closingResult, pdfBatchInput, pdfFile, statementDetail, statementIdInput, statementListInput, statementRow } from '../../receivables/statements';
import { channel, noInput } from '../define';

export const receivablesChannelDefs = {
  /** 自社情報 (issuer of every 請求書) */
  'company:get': channel(noInput, company),
  /** saves 自社情報 and the 振込先 accounts; VALIDATION names the field (登録番号 check digit …) */
  'company:save': channel(companyInput, company),
  /** what 請求締め on a date would make, without writing */
  'billing:preview': channel(closingInput, closingResult),
  /** 請求締め: one 請求書 per 締請求 customer whose 締日 is the date (a named 個別請求 customer: its 個別 請求書) */
  'billing:close': channel(closingInput, closingResult),
  /** 個別請求: one 請求書 per invoice dated up to the date */
  'billing:issue': channel(closingInput, closingResult),
  /** 締め取消 (only the latest closing of its customer) */
  'billing:undo': channel(statementIdInput, z.object({ statementId: z.number().int() })),
  'billing:list': channel(statementListInput.optional(), z.object({ rows: z.array(statementRow) })),
  'billing:get': channel(statementIdInput, statementDetail),
  /** the 請求書 PDF (base64), the same bytes as `billing:pdf` of the CLI */
  'billing:pdf': channel(statementIdInput, pdfFile),
  /** every 請求書 of a closing date in one PDF (one per customer, each from a new page) */
  'billing:pdfBatch': channel(pdfBatchInput, pdfFile),
  /** 入金伝票: confirmed on entry, applied oldest first or by hand */
  'payments:record': channel(paymentRecordInput, paymentRecordResult),
  'payments:list': channel(paymentListInput.optional(), z.object({ rows: z.array(paymentRow) })),
  'payments:get': channel(paymentIdInput, paymentDetail),
  /** 確定取消: its 消込 are removed and the invoices reopen */
  'payments:unconfirm': channel(paymentIdInput, paymentRow),
  'payments:confirm': channel(paymentIdInput, paymentRecordResult),
  /** deletes an unconfirmed 入金伝票 */
  'payments:delete': channel(paymentIdInput, z.object({ id: z.number().int() })),
  /** 未消込の入金を充当: applies the customer's unallocated money oldest first */
  'payments:applyCredits': channel(customerIdInput, applyCreditsResult),
  /** what a customer still owes, item by item, with 入金予定日 */
  'receivables:openItems': channel(customerIdInput, openItemsResult),
  /** 売掛金残高一覧 with aging as of a date */
  'receivables:balances': channel(balancesInput, balancesResult),
  /** 入金予定 per customer and due date */
  'receivables:schedule': channel(scheduleInput, scheduleResult),
  /** 売掛金残高一覧 (with aging) as CSV */
  'receivables:exportCsv': channel(balancesCsvInput, csvDownload),
};
