/** 売上伝票 (wholesale): list, detail, 保存, 確定, 確定取消, 削除, and 得意先別単価. */
import { z } from 'zod';
import {
  customerPriceRow,
  customerPricesInput,
  salesDetail,
  salesIdInput,
  salesListInput,
  salesRow,
  salesSlipInput,
  salesWriteResult,
} from '../../sales/sales-slip';
import { salesCsvImportInput, salesCsvImportResult } from '../../sales/sales-csv';
import { pdfFile } from '../../receivables/statements';
import { channel } from '../define';

export const salesChannelDefs = {
  /** 売上伝票, newest first */
  'sales:list': channel(salesListInput, z.object({ rows: z.array(salesRow), total: z.number().int() })),
  'sales:get': channel(salesIdInput, salesDetail),
  /** 保存: a new draft (no id) or a draft / 取消 slip rewritten */
  'sales:save': channel(salesSlipInput, salesWriteResult),
  /** 保存 and 確定 in one transaction */
  'sales:saveAndConfirm': channel(salesSlipInput, salesWriteResult),
  /** 確定: number, stock rows and its 請求伝票; warnings when stock goes negative */
  'sales:confirm': channel(salesIdInput, salesWriteResult),
  /** 確定取消: stock rows reversed, its 請求伝票 removed, the number kept (shown as 取消) */
  'sales:cancel': channel(salesIdInput, salesWriteResult),
  /** 削除 of a draft that never had a number */
  'sales:delete': channel(salesIdInput, z.object({ id: z.number().int() })),
  /** 得意先別単価 of one customer */
  'sales:customerPrices': channel(z.object({ customerId: z.number().int().positive() }).strict(), z.object({ rows: z.array(customerPriceRow) })),
  'sales:setCustomerPrices': channel(customerPricesInput, z.object({ rows: z.array(customerPriceRow) })),
  /** 納品書 PDF (base64) of a confirmed slip, laid out like the 請求書 */
  'sales:pdfDeliveryNote': channel(salesIdInput, pdfFile),
  /** CSV取込 of many slips, all or nothing (progress and 中止 through csv:progressed / csv:cancel) */
  'sales:importCsv': channel(salesCsvImportInput, salesCsvImportResult),
};
