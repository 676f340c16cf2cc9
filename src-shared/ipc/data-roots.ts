/**
 * The data sets main announces with `data:changed`. Each is the first element (the root) of the
 * renderer's query keys (src-renderer/queries/), so a change invalidates exactly the queries that
 * show it — whoever made the change: a screen, the scheduler, the tray or another window.
 * A new feature adds its root here; its core handlers emit it and its queries/<feature>.ts uses it.
 */
import { z } from 'zod';

export const DATA_ROOTS = [
  /** app:info (version, data folder, 受付停止) */
  'app',
  // masters, named like their IPC prefix
  'departments',
  'taxClasses',
  'workflows',
  'partners',
  'products',
  'bankAccounts',
  /** EC連携設定 and its ECサイト認証 state */
  'ecSettings',
  /** 決済方法ごとの得意先 */
  'paymentRules',
  /** EC連携商品 */
  'productLinks',
  /** 出荷取込処理: targets, runs and their results */
  'import',
  /** システムログ */
  'systemLog',
  /** 出荷伝票 / 請求伝票 */
  'slips',
  /** バッチスケジュール: jobs, runs, pause state */
  'schedules',
  /** 定期申込 */
  'subscriptions',
  /** 消費税自動更新: 税率改定, runs, changes, 管理者ログ */
  'taxUpdate',
  /** 自社情報 (the 請求書's issuer) */
  'company',
  /** 売掛管理: 請求書 (請求締め), 入金伝票 and 消込, and what is computed from them (残高, 入金予定) */
  'receivables',
  /** 在庫: 入荷・在庫移動 slips, 在庫一覧, 在庫反映 (outbox), 在庫照合 / 在庫移行 */
  'stock',
] as const;

export const dataRoot = z.enum(DATA_ROOTS);
export type DataRoot = z.infer<typeof dataRoot>;

/** Payload of `data:changed`: the roots one write changed (at least one). */
export const dataChanged = z.object({ roots: z.array(dataRoot).min(1) });
export type DataChanged = z.infer<typeof dataChanged>;
