/**
 * The one place where a thrown failure becomes an AppError: SQLite errors (better-sqlite3's
 * `code`), failed fetches (Node's undici TypeError / AbortSignal.timeout), zod errors and anything
 * else. Dispatch, the CLI, the import, the scheduler, the repositories and the open/migrate step all
 * call it, so a SQLITE_BUSY reads the same wherever it happens. Callers may add what only they know
 * (the field a UNIQUE index belongs to, the file, the job) through ClassifyOptions.
 */
import { z } from 'zod';
import { AppError, isAppError, type FieldProblem } from '../../../src-shared/errors';

/** A UNIQUE index ("table.col" as SQLite names it) → the form field to blame. */
export interface UniqueFieldMessage {
  /** form field path, e.g. "code" */
  path: string;
  message: string;
}

export interface ClassifyOptions {
  /** message of INTERNAL (default: the generic "nothing was changed" text) */
  internal?: string;
  /** UNIQUE constraint column list (e.g. "departments.code") → field and message */
  uniqueFields?: Record<string, UniqueFieldMessage>;
  /** message of CONFLICT when no field matches (e.g. the import's concurrent-run text) */
  conflict?: string;
  /** the data file, named in the DB_CORRUPT / DB_READ_ONLY messages of opening it */
  file?: string;
  /** NETWORK / TIMEOUT messages (default: a server could not be reached / did not answer) */
  network?: (reason: string) => string;
  timeout?: string;
}

/** What kind of failure a thrown value is; 'app' = already an AppError. */
export type FailureKind =
  | 'app'
  | 'db-busy'
  | 'disk-full'
  | 'db-read-only'
  | 'db-corrupt'
  | 'db-io'
  | 'constraint-unique'
  | 'constraint-foreign-key'
  | 'constraint-check'
  | 'constraint'
  | 'network'
  | 'timeout'
  | 'validation'
  | 'unknown';

export const INTERNAL_MESSAGE =
  '予期しないエラーが発生しました。データは変更されていません。もう一度お試しください。繰り返す場合はログを添えてサポートにご連絡ください。';
export const DB_BUSY_MESSAGE = 'データファイルが他の処理で使用中です。しばらく待ってからもう一度お試しください。';
export const DISK_FULL_MESSAGE =
  'ディスクの空き容量が足りないため、データを保存できませんでした。この操作の変更は保存されていません。不要なファイルを削除して空き容量を確保してから、もう一度お試しください。';
const VALIDATION_MESSAGE = '入力内容に誤りがあります。各項目のメッセージを確認して修正してください。';

function codeOf(e: unknown): string {
  if (typeof e !== 'object' || e === null) return '';
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** The socket-level code of a failed fetch (undici puts it on `cause`), or ''. */
function fetchCauseCode(e: unknown): string {
  const cause = (e as { cause?: unknown } | null)?.cause;
  return codeOf(cause);
}

function isZodError(e: unknown): e is z.ZodError {
  return e instanceof z.ZodError || (e instanceof Error && e.name === 'ZodError' && Array.isArray((e as { issues?: unknown }).issues));
}

/** A fetch that failed before any answer: Node's undici throws TypeError('fetch failed', { cause }). */
function isFetchFailure(e: unknown): boolean {
  return e instanceof TypeError && (e.message === 'fetch failed' || fetchCauseCode(e) !== '');
}

/** Classifies without building anything (for callers that only branch on the kind). */
export function failureKind(e: unknown): FailureKind {
  if (isAppError(e)) return 'app';
  const code = codeOf(e);
  // extended codes keep the primary code as prefix: SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED …
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'db-busy';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'disk-full';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EROFS') return 'db-read-only';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'db-corrupt';
  if (code.startsWith('SQLITE_IOERR')) return 'db-io';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'constraint-unique';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'constraint-foreign-key';
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL') return 'constraint-check';
  if (code.startsWith('SQLITE_CONSTRAINT')) return 'constraint';
  if (isZodError(e)) return 'validation';
  if (e instanceof Error && (e.name === 'TimeoutError' || fetchCauseCode(e) === 'UND_ERR_CONNECT_TIMEOUT' || fetchCauseCode(e) === 'UND_ERR_HEADERS_TIMEOUT')) return 'timeout';
  if (isFetchFailure(e)) return 'network';
  return 'unknown';
}

/** Why a fetch failed, for messages and logs (ECONNREFUSED, ENOTFOUND …). */
export function fetchFailureReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

/**
 * A fetch made with `redirect: 'error'` that met a redirect: undici rejects with "unexpected
 * redirect" as the cause. Callers refuse it outright — the token or body would have followed it.
 */
export function isRedirectRefused(e: unknown): boolean {
  const cause = (e as { cause?: { message?: unknown } } | null)?.cause;
  return typeof cause?.message === 'string' && /redirect/i.test(cause.message);
}

/** zod issues → field problems with dotted paths. */
export function zodToFields(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** "UNIQUE constraint failed: departments.code" → "departments.code" */
function uniqueColumns(e: unknown): string {
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message.replace(/^UNIQUE constraint failed:\s*/, '').trim() : '';
}

/** Any thrown value → the AppError the user sees (an AppError is returned as it is). */
export function classifyError(e: unknown, opts: ClassifyOptions = {}): AppError {
  if (isAppError(e)) return e;
  const where = opts.file ? `データファイル (${opts.file})` : 'データファイル';
  switch (failureKind(e)) {
    case 'db-busy':
      return new AppError('DB_BUSY', DB_BUSY_MESSAGE, { cause: e, retryable: true });
    case 'disk-full':
      return new AppError('DISK_FULL', DISK_FULL_MESSAGE, { cause: e, retryable: true });
    case 'db-read-only':
      return new AppError(
        'DB_READ_ONLY',
        `${where}に書き込めません。ファイルやフォルダが読み取り専用になっていないか、他のアプリが使用していないかを確認してください。`,
        { cause: e },
      );
    case 'db-corrupt':
      return new AppError(
        'DB_CORRUPT',
        `${where}が壊れているか、このアプリのデータファイルではありません。ファイルには何も書き込んでいません。バックアップフォルダ内の最新のバックアップから復元するか、サポートにご連絡ください。`,
        { cause: e },
      );
    case 'db-io':
      return new AppError(
        'INTERNAL',
        `${where}の読み書き中にエラーが発生しました。この操作の変更は保存されていません。ディスクの状態を確認し、アプリを再起動してからもう一度お試しください。`,
        { cause: e, retryable: true },
      );
    case 'constraint-unique': {
      const field = opts.uniqueFields?.[uniqueColumns(e)];
      if (field) return new AppError('CONFLICT', field.message, { cause: e, fields: [field] });
      return new AppError('CONFLICT', opts.conflict ?? '同じ内容のデータがすでに登録されています。入力内容を確認してください。', { cause: e });
    }
    case 'constraint-foreign-key':
      return new AppError('IN_USE', '関連するデータがあるため、この操作はできません。参照しているデータを確認してください。', { cause: e });
    case 'constraint-check':
      return new AppError('VALIDATION', '入力内容がデータの制約に合いません。各項目を確認してください。', { cause: e });
    case 'constraint':
      return new AppError('CONFLICT', opts.conflict ?? '同じ内容のデータがすでに登録されています。入力内容を確認してください。', { cause: e });
    case 'validation':
      return new AppError('VALIDATION', VALIDATION_MESSAGE, { cause: e, fields: zodToFields(e as z.ZodError) });
    case 'timeout':
      return new AppError('TIMEOUT', opts.timeout ?? '接続先のサーバーから時間内に応答がありませんでした。時間をおいてもう一度お試しください。', {
        cause: e,
        retryable: true,
      });
    case 'network': {
      const reason = fetchFailureReason(e);
      return new AppError(
        'NETWORK',
        opts.network ? opts.network(reason) : `接続先のサーバーに接続できませんでした（${reason}）。インターネット接続を確認して、もう一度お試しください。`,
        { cause: e, retryable: true },
      );
    }
    default:
      return new AppError('INTERNAL', opts.internal ?? INTERNAL_MESSAGE, { cause: e });
  }
}

/** True for failures that are the program's fault (their stack belongs in the log). */
export function isUnexpected(e: unknown): boolean {
  const kind = failureKind(e);
  return kind === 'unknown' || kind === 'db-io';
}
