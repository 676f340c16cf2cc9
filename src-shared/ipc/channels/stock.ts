/**
 * 在庫: 入荷伝票 / 在庫移動伝票 / 棚卸調整 (stockSlips), 在庫一覧 and movements, 在庫反映 (the outbox
 * to BCart), 在庫照合 and 在庫移行.
 */
import { z } from 'zod';
import { csvEncodingSchema } from '../../csv/csv-encoding';
import { csvDownload } from '../../csv/csv-file';
import {
  correctInput,
  correctResult,
  migrationApplyResult,
  migrationInput,
  migrationPreview,
  reconcileInput,
  reconcileResult,
} from '../../stock/reconcile';
import { movementList, movementsInput, stockList, stockListInput } from '../../stock/stock-book';
import {
  outboxIdsInput,
  outboxListInput,
  outboxRow,
  pushCounts,
  pushCountsInput,
  pushNowInput,
  pushNowResult,
  stockOptions,
  stockOptionsInput,
  stockOptionsUpdate,
} from '../../stock/stock-push';
import {
  stockSlipConfirmResult,
  stockSlipDetail,
  stockSlipIdInput,
  stockSlipInput,
  stockSlipList,
  stockSlipListInput,
  stockSlipUpdate,
} from '../../stock/stock-slip';
import { channel } from '../define';

const csvFile = csvDownload;
const encoding = csvEncodingSchema;

export const stockChannelDefs = {
  /** 入荷伝票 / 在庫移動伝票 / 棚卸調整, newest first */
  'stockSlips:list': channel(stockSlipListInput, stockSlipList),
  'stockSlips:get': channel(stockSlipIdInput, stockSlipDetail),
  /** 保存 (draft); VALIDATION lists every problem beside its field */
  'stockSlips:create': channel(stockSlipInput, stockSlipDetail),
  /** edit a draft (CONFIRMED_LOCKED once confirmed) */
  'stockSlips:update': channel(stockSlipUpdate, stockSlipDetail),
  'stockSlips:delete': channel(stockSlipIdInput, z.object({ deleted: z.number().int() })),
  /** 確定: ledger rows + 在庫反映 queued in one transaction, then pushed */
  'stockSlips:confirm': channel(stockSlipIdInput, stockSlipConfirmResult),
  /** 確定取消: ledger rows removed + the opposite change queued */
  'stockSlips:unconfirm': channel(stockSlipIdInput, stockSlipConfirmResult),
  /** CSV出力 of the slips the list shows (one row per line) */
  'stockSlips:export': channel(z.object({ query: stockSlipListInput.optional(), encoding }).strict(), csvFile),
  /** 在庫一覧 per warehouse × product with totals */
  'stock:list': channel(stockListInput, stockList),
  /** the movements of one warehouse × product (drill-down) */
  'stock:movements': channel(movementsInput, movementList),
  'stock:export': channel(z.object({ query: stockListInput.optional(), encoding }).strict(), csvFile),
  /** 在庫反映状況: outbox items (default: pending / sending / failed / ambiguous) */
  'stock:outbox': channel(outboxListInput, z.object({ rows: z.array(outboxRow) })),
  /** counts for the tray and the dashboard */
  'stock:counts': channel(pushCountsInput, pushCounts),
  /** 今すぐ送信: pushes what is due now and waits */
  'stock:push': channel(pushNowInput, pushNowResult),
  /** 再送: failed / 対象外 items back to pending, then pushed */
  'stock:retry': channel(outboxIdsInput, z.object({ updated: z.number().int() })),
  /** 確認済にする: ambiguous items the clerk checked in BCart */
  'stock:dismiss': channel(outboxIdsInput, z.object({ updated: z.number().int() })),
  /** 在庫照合: sends pending items first, then compares every linked set */
  'stock:reconcile': channel(reconcileInput, reconcileResult),
  /** 補正: sends expected − BCart (read just before) for the chosen products, after the clerk confirmed */
  'stock:correct': channel(correctInput, correctResult),
  'stock:migrationPreview': channel(migrationInput, migrationPreview),
  /** 在庫移行 (once per EC連携設定; ALREADY_APPLIED after) */
  'stock:migrationApply': channel(migrationInput, migrationApplyResult),
  'stock:options': channel(stockOptionsInput, stockOptions),
  'stock:setOptions': channel(stockOptionsUpdate, stockOptions),
};
