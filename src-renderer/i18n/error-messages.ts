/**
 * The one place where error codes become Japanese headings. The specific message from main
 * (what happened, what to do) is shown below the heading. Record<AppErrorCode, …> makes the
 * compiler demand a heading for every code.
 */
import type { AppErrorCode, AppErrorData } from '../../src-shared/errors';
import { ApiError } from '../ipc/api';

export const ERROR_TITLES: Record<AppErrorCode, string> = {
  VALIDATION: '入力内容を確認してください',
  NOT_FOUND: 'データが見つかりません',
  CONFLICT: '同じデータがすでにあります',
  CONFIRMED_LOCKED: '確定済みのため編集できません',
  IN_USE: '使用中のため変更できません',
  FORBIDDEN: '許可されていない操作です',
  UNKNOWN_CHANNEL: 'アプリの内部エラー',
  DB_NEWER_VERSION: '新しいバージョンのデータです',
  DB_CORRUPT: 'データファイルが壊れています',
  DB_READ_ONLY: 'データファイルに書き込めません',
  DB_BUSY: 'データファイルが使用中です',
  DISK_FULL: 'ディスクの空き容量が足りません',
  DB_UNSUPPORTED_LOCATION: 'データファイルの場所が使えません',
  BCART_UNAUTHORIZED: 'Bカートの認証が必要です',
  BCART_MISSING_SCOPE: 'Bカートの権限が足りません',
  BCART_RATE_LIMITED: 'Bカートの利用制限中です',
  BCART_UNAVAILABLE: 'Bカートに接続できません',
  BCART_BAD_RESPONSE: 'Bカートから想定外の応答がありました',
  BCART_REJECTED: 'Bカートが更新を受け付けませんでした',
  NETWORK: '通信エラー',
  TIMEOUT: '応答がありません',
  REAUTH_REQUIRED: 'Bカートへの再ログインが必要です',
  NOT_CONNECTED: 'Bカートに未接続です',
  OAUTH_FAILED: 'Bカートへのログインに失敗しました',
  TOKEN_STORE_UNAVAILABLE: '認証情報を安全に保存できません',
  SETTINGS_INVALID: 'EC連携設定に不備があります',
  IMPORT_FAILED: '取込を中止しました',
  ALREADY_RUNNING: '処理中です',
  STORE_CLOSED: '受付停止中です',
  STORE_NOT_CLOSED: '受付停止が必要です',
  ALREADY_APPLIED: '実行済みです',
  CHECKLIST_INCOMPLETE: '確認事項が残っています',
  CSV_INVALID: 'CSVファイルに誤りがあります',
  CSV_UNENCODABLE: 'CSVに書き出せない文字があります',
  CSV_TOO_LARGE: 'CSVファイルが大きすぎます',
  CSV_CANCELLED: 'CSV取込を中止しました',
  INTERNAL: '予期しないエラー',
};

/** Heading + explanation for any thrown value. */
export function describeError(e: unknown): { title: string; message: string; data: AppErrorData | null } {
  if (e instanceof ApiError) return { title: ERROR_TITLES[e.data.code] ?? ERROR_TITLES.INTERNAL, message: e.data.message, data: e.data };
  return {
    title: ERROR_TITLES.INTERNAL,
    message: '画面で予期しないエラーが発生しました。画面を再読み込みしてください。',
    data: null,
  };
}
