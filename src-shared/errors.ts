/**
 * Errors cross every boundary (IPC, CLI, harness) as plain data with a stable code.
 * The renderer turns a code into Japanese text in one place (src-renderer/i18n/error-messages.ts);
 * `message` carries the specific Japanese explanation produced where the error happened.
 */

/** Closed list: adding a code forces the renderer's message table to be completed. */
export const APP_ERROR_CODES = [
  'VALIDATION', // input failed the contract's schema or a business rule; details.fields lists them
  'NOT_FOUND',
  'CONFLICT', // unique key taken, stale edit
  'CONFIRMED_LOCKED', // 確定済みのため編集できない (確定取消 first)
  'IN_USE', // referenced by other records
  'FORBIDDEN', // untrusted IPC sender, harness token missing
  'UNKNOWN_CHANNEL',
  'DB_NEWER_VERSION', // database written by a newer app version
  'DB_CORRUPT',
  'DB_READ_ONLY',
  'DB_BUSY', // another connection held the write lock past the busy timeout
  'DISK_FULL', // SQLITE_FULL / ENOSPC: nothing of the operation was saved
  'DB_UNSUPPORTED_LOCATION', // e.g. a network share, where SQLite locking is unreliable
  'BCART_UNAUTHORIZED',
  'BCART_MISSING_SCOPE',
  'BCART_RATE_LIMITED',
  'BCART_UNAVAILABLE',
  'BCART_BAD_RESPONSE',
  'BCART_REJECTED', // BCart refused a write (4xx with an errors envelope)
  'NETWORK',
  'TIMEOUT',
  'REAUTH_REQUIRED', // refresh token rejected (invalid_grant): 要再認証
  'NOT_CONNECTED', // no token stored yet: 未認証
  'OAUTH_FAILED',
  'TOKEN_STORE_UNAVAILABLE', // safeStorage missing or insecure (Linux basic_text)
  'SETTINGS_INVALID',
  'IMPORT_FAILED',
  'ALREADY_RUNNING',
  'STORE_CLOSED', // 受付停止中
  'STORE_NOT_CLOSED', // the tax update needs 受付停止
  'ALREADY_APPLIED', // one-time run already done
  'CHECKLIST_INCOMPLETE',
  'CSV_INVALID',
  'CSV_UNENCODABLE',
  'CSV_TOO_LARGE', // a file above the size limit, refused before it is read
  'CSV_CANCELLED', // 中止 of a CSV取込 while its file was read; nothing written
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** One problem attached to a field (form field path or CSV row/column). */
export interface FieldProblem {
  /** dotted path of the field, e.g. "code" or "lines.0.quantity" */
  path: string;
  message: string;
  /** CSV: 1-based row number in the file (header = row 1) */
  row?: number;
  /** CSV: column header */
  column?: string;
}

export interface AppErrorData {
  code: AppErrorCode;
  /** Japanese, says what happened and what to do */
  message: string;
  fields?: FieldProblem[];
  details?: Record<string, unknown>;
  retryable: boolean;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: FieldProblem[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly retryable: boolean;

  constructor(
    code: AppErrorCode,
    message: string,
    opts: { fields?: FieldProblem[]; details?: Record<string, unknown>; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
    this.retryable = opts.retryable ?? false;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.fields && this.fields.length > 0) data.fields = this.fields;
    if (this.details) data.details = this.details;
    return data;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Shorthand for a single-field validation failure. */
export function validationError(fields: FieldProblem[], message = '入力内容に誤りがあります。各項目のメッセージを確認して修正してください。'): AppError {
  return new AppError('VALIDATION', message, { fields });
}
