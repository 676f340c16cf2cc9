/** Translates SQLite constraint failures into AppErrors that point at the offending field. */
import { AppError } from '../../../src-shared/errors';

export interface UniqueFieldMessage {
  /** form field path, e.g. "code" */
  path: string;
  message: string;
}

/**
 * better-sqlite3 reports "UNIQUE constraint failed: departments.code" (or several columns).
 * `fields` maps a column list (e.g. "departments.code") to the field and message to show.
 */
export function mapConstraintError(e: unknown, fields: Record<string, UniqueFieldMessage>): never {
  const code = (e as { code?: string }).code ?? '';
  const message = (e as { message?: string }).message ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const cols = message.replace(/^UNIQUE constraint failed:\s*/, '').trim();
    const field = fields[cols];
    if (field) throw new AppError('CONFLICT', field.message, { fields: [field] });
    throw new AppError('CONFLICT', '同じ内容のデータがすでに登録されています。入力内容を確認してください。');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    throw new AppError('IN_USE', '関連するデータがあるため、この操作はできません。参照しているデータを確認してください。');
  }
  if (code === 'SQLITE_CONSTRAINT_CHECK') {
    throw new AppError('VALIDATION', '入力内容がデータの制約に合いません。各項目を確認してください。');
  }
  if (code === 'SQLITE_READONLY') {
    throw new AppError('DB_READ_ONLY', 'データファイルに書き込めません。ファイルやフォルダが読み取り専用になっていないか確認してください。');
  }
  if (code === 'SQLITE_BUSY') {
    throw new AppError('DB_BUSY', 'データファイルが他の処理で使用中です。しばらく待ってからもう一度お試しください。', { retryable: true });
  }
  throw e;
}
