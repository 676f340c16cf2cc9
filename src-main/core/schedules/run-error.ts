import type { AppErrorData } from '../../../src-shared/errors';
import { classifyError } from '../errors/classify-error';
import type { JobOutcome } from './scheduler-types';

/**
 * Turns whatever a job threw into the error data that is recorded and shown (classifyError: AppErrors
 * keep their code and Japanese message, SQLITE_BUSY becomes DB_BUSY …); anything unexpected becomes
 * INTERNAL naming the job (the stack goes to the log only). The job runs again at its next time,
 * so an INTERNAL failure counts as retryable.
 */
export function toRunErrorData(e: unknown, jobName: string): AppErrorData {
  const err = classifyError(e, {
    internal: `「${jobName}」の実行中に予期しないエラーが発生しました。ログを確認し、解決しない場合はサポートへお問い合わせください。`,
  });
  const data = err.toData();
  return err === e || err.code !== 'INTERNAL' ? data : { ...data, retryable: true };
}

/** A job that resolves with something other than a JobOutcome is a bug; record it as a failure. */
export function isJobOutcome(v: unknown): v is JobOutcome {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  const o = v as { ok: unknown; summary?: unknown; error?: unknown };
  return o.ok === true ? typeof o.summary === 'string' : o.ok === false && typeof o.error === 'object' && o.error !== null;
}

/** Recorded for a run found without an end at start-up: the app was closed or crashed during it. */
export const INTERRUPTED_OUTCOME: JobOutcome = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'アプリが終了したため実行が中断されました。次回の予定または「今すぐ取込」で改めて実行されます。',
    retryable: true,
  },
};
