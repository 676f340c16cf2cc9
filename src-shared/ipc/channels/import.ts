/** 出荷取込処理, its history and システムログ, and the imported 出荷伝票 / 請求伝票. */
import { z } from 'zod';
import {
  importHistoryInput,
  importRun,
  importRunDetail,
  importStartInput,
  importTarget,
  runStarted,
  systemLog,
  systemLogListInput,
} from '../../import/import-run';
import { reviewDismissInput, reviewListInput, reviewRow } from '../../import/import-review';
import { invoiceDetail, invoiceList, shipmentDetail, shipmentList, slipIdInput, slipListInput } from '../../slips/slips';
import { channel, noInput } from '../define';

export const importChannelDefs = {
  /** EC連携設定 the import can run for, with their cursor (setting picker) */
  'import:targets': channel(noInput, z.object({ rows: z.array(importTarget) })),
  /** starts 出荷取込処理; progress and the result arrive as import:progressed / import:finished */
  'import:run': channel(importStartInput, runStarted),
  /** starts 取込プレビュー (same pipeline, nothing written) */
  'import:preview': channel(importStartInput, runStarted),
  /** asks a running 出荷取込処理 / 取込プレビュー to stop (中止); it ends cancelled (中止) with nothing written. cancelled=false: it was no longer running */
  'import:cancel': channel(z.object({ runId: z.number().int().positive() }).strict(), z.object({ cancelled: z.boolean() })),
  /** import history, newest first */
  'import:history': channel(importHistoryInput, z.object({ rows: z.array(importRun) })),
  /** one run with its システムログ lines and (this session) its plan */
  'import:get': channel(z.object({ runId: z.number().int().positive() }).strict(), importRunDetail),
  /** システムログ, newest first, filtered by level and run */
  'systemLog:list': channel(systemLogListInput, z.object({ rows: z.array(systemLog), total: z.number().int() })),
  /** 要確認: imported orders a clerk must look at, oldest first (open ones unless includeResolved) */
  'reviews:list': channel(reviewListInput, z.object({ rows: z.array(reviewRow) })),
  /** number of open 要確認 (the dashboard's badge) */
  'reviews:count': channel(noInput, z.object({ open: z.number().int().nonnegative() })),
  /** closes a 要確認 with the clerk's reason (logged) */
  'reviews:dismiss': channel(reviewDismissInput, reviewRow),
  /** creates the 請求伝票 of the shipped part of an order cancelled after a partial shipment, and closes its 要確認 (logged) */
  'reviews:createInvoice': channel(z.object({ id: z.number().int().positive() }).strict(), z.object({ review: reviewRow, invoiceId: z.number().int().positive(), total: z.number().int() })),
  'shipments:list': channel(slipListInput, shipmentList),
  'shipments:get': channel(slipIdInput, shipmentDetail),
  'invoices:list': channel(slipListInput, invoiceList),
  'invoices:get': channel(slipIdInput, invoiceDetail),
};
