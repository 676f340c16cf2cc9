/**
 * The job 「EC・売上取込処理」: 出荷取込処理 for every EC連携設定, one after another, through the
 * import service's importAllSettings (so a run started from the screen and a scheduled one never
 * overlap for a setting). One setting failing does not stop the others; the job fails when any setting failed,
 * and its message is the first problem, which is what the notification shows. A job whose imports
 * were 中止 (app quit) and none failed ends not ok with a 中止 message and `details.cancelled: true`
 * (schedule_runs has no cancelled status; the message and the notification say 中止).
 */
import { APP_ERROR_CODES, AppError, type AppErrorCode } from '../../../src-shared/errors';
import { importAllSettings, type ImportAllDeps } from '../import/import-all';
import type { ImportTrigger } from '../import/run-import';
import type { JobOutcome, RunTrigger } from './scheduler-types';

/** Totals of one job run over all settings (in the outcome's details and the notification). */
export interface ImportJobCounts {
  settings: number;
  failedSettings: number;
  orders: number;
  shipments: number;
  invoices: number;
  amount: number;
}

interface SettingFailure {
  name: string;
  code: AppErrorCode;
  message: string;
}

const importTriggerOf = (t: RunTrigger): ImportTrigger => (t === 'manual' ? 'manual' : 'schedule');

function summaryOf(c: ImportJobCounts): string {
  return `EC連携設定 ${c.settings} 件の出荷取込処理が完了しました（注文 ${c.orders} 件、出荷伝票 ${c.shipments} 件、請求伝票 ${c.invoices} 件、請求額合計 ¥${c.amount.toLocaleString('en-US')}）。`;
}

/**
 * Runs 出荷取込処理 for each EC連携設定 in id order (importAllSettings) and folds the results into
 * one JobOutcome; never rejects for a setting's failure. The abort signal (app quit) goes to the
 * running import, which ends as a clean failed run with nothing written (or, if its synchronous
 * write transaction already ran, as succeeded); settings not yet started are skipped.
 */
export async function runImportJob(deps: ImportAllDeps, trigger: RunTrigger, signal?: AbortSignal, importTrigger?: ImportTrigger): Promise<JobOutcome> {
  if (deps.repos.ecSettings.targets().length === 0) {
    throw new AppError('SETTINGS_INVALID', 'EC連携設定が登録されていないため、取り込むものがありません。EC連携設定を登録してから、もう一度実行してください。');
  }
  const results = await importAllSettings(deps, importTrigger ?? importTriggerOf(trigger), signal);
  const counts: ImportJobCounts = { settings: results.length, failedSettings: 0, orders: 0, shipments: 0, invoices: 0, amount: 0 };
  const importRunIds: number[] = [];
  const failures: SettingFailure[] = [];
  const cancelled: string[] = [];
  for (const r of results) {
    if ('notStarted' in r) {
      // could not even start (ALREADY_RUNNING, STORE_CLOSED, SETTINGS_INVALID): reported, the others ran
      failures.push({ name: r.name, code: isKnownCode(r.notStarted.code) ? r.notStarted.code : 'INTERNAL', message: r.notStarted.message });
      continue;
    }
    const o = r.outcome;
    importRunIds.push(o.runId);
    counts.orders += o.counts.orders;
    counts.shipments += o.counts.shipments;
    counts.invoices += o.counts.invoices;
    counts.amount += o.counts.amount;
    if (o.status === 'cancelled') cancelled.push(r.name);
    if (o.status === 'failed') {
      const first = o.errors[0];
      failures.push({ name: r.name, code: isKnownCode(first?.code) ? first.code : 'IMPORT_FAILED', message: first?.message ?? o.message });
    }
  }
  counts.failedSettings = failures.length;
  const details = { importRunIds, counts };
  const first = failures[0];
  if (!first && cancelled.length > 0) return cancelledOutcome(cancelled, { ...details, cancelled: true });
  if (!first) return { ok: true, summary: summaryOf(counts), details };
  const more = failures.length > 1 ? `（ほか ${failures.length - 1} 件の設定でも失敗しています）` : '';
  return {
    ok: false,
    error: {
      code: first.code,
      message: `EC連携設定「${first.name}」: ${first.message}${more} システムログで内容を確認してください。`,
      retryable: true,
    },
    details,
  };
}

/** 中止 (app quit or 中止 of the running import): nothing of the cancelled settings was written. */
function cancelledOutcome(names: string[], details: Record<string, unknown>): JobOutcome {
  const which = names.map((n) => `「${n}」`).join('、');
  return {
    ok: false,
    error: {
      code: 'IMPORT_FAILED',
      message: `EC連携設定${which}の出荷取込処理を中止しました（中止の操作またはアプリの終了による）。中止した設定は何も取り込んでいません。必要なときに、もう一度実行してください。`,
      retryable: true,
    },
    details,
  };
}

/** True when a job outcome is a 中止 (see runImportJob), for the notification and tray texts. */
export function isCancelledOutcome(o: JobOutcome): boolean {
  return !o.ok && o.details?.cancelled === true;
}

const KNOWN: ReadonlySet<string> = new Set(APP_ERROR_CODES);

/** Import problems carry mapping codes too (e.g. UNKNOWN_PRODUCT); only AppErrorCodes cross as the run's code. */
function isKnownCode(code: string | undefined): code is AppErrorCode {
  return code !== undefined && KNOWN.has(code);
}
