/**
 * The 出荷取込処理 pipeline (requirements §3): window → fetch (async, through the BCart client) →
 * pure mapping → either nothing but the run record and its log (any error, or 取込プレビュー) or
 * ONE synchronous transaction with everything (writeImportPlan). Used by the IPC service, the CLI,
 * the demo, the scheduler, tests and the benchmark alike.
 *
 * Invariants: nothing is written before every order of the run is fetched and validated; the
 * cursor moves only inside the write transaction; a failure of any kind (network, bad data, a
 * constraint) leaves the books exactly as they were and is logged in Japanese.
 */
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { AppError } from '../../../src-shared/errors';
import { classifyError } from '../errors/classify-error';
import type { BcartProgress } from '../bcart/client';
import type { BcartOrder } from '../bcart/model';
import type { BcartSessions, ClientOverrides } from '../ec-settings/bcart-sessions';
import type { Clock, Logger } from '../ports';
import type { Repositories } from '../repositories';
import type { ImportLogEntry } from './import-run-repository';
import { importWindow, isCaughtUp, nextCursor, type ImportWindow } from './import-window';
import { loadEcSetting, loadImportMasters } from './load-import-masters';
import { hasImportErrors, mapOrdersForImport, type ImportPlan, type ImportProblem } from './mapping';
import { writeImportPlan } from './write-import-plan';

/** What the pipeline uses: the repositories it reads and writes, the shop's connection, the clock. */
export interface ImportDeps {
  repos: Pick<Repositories, 'ecSettings' | 'importRuns' | 'slips' | 'partners' | 'products' | 'transaction'>;
  bcart: Pick<BcartSessions, 'auth' | 'client'>;
  clock: Clock;
  logger: Logger;
  /** ISO-8601 +09:00 of the clock */
  now(): string;
}

export type ImportTrigger = 'manual' | 'schedule' | 'tray' | 'cli';

export type ImportPhase = 'fetching' | 'watching' | 'mapping' | 'writing' | 'done';

/** Progress of a run, for the UI (pages fetched, orders processed). */
export interface ImportProgress {
  runId: number;
  phase: ImportPhase;
  pages: number;
  orders: number;
  requests: number;
}

export interface ImportOptions {
  settingId: number;
  dryRun: boolean;
  trigger: ImportTrigger;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Stops the run (中止 button, app quit): pending BCart calls are cancelled and the run ends failed
   * with nothing written. Once the write transaction has begun it runs to its end (it is synchronous),
   * so an abort arriving later leaves a succeeded run.
   */
  signal?: AbortSignal;
  /** client overrides (timeouts, backoff, another limiter than the setting's shared one) for tests and the benchmark */
  client?: Omit<ClientOverrides, 'onProgress'>;
}

/** One problem of the run as the CLI / UI show it. */
export interface ImportError {
  orderCode: string | null;
  code: string;
  message: string;
}

export interface ImportOutcome {
  runId: number;
  /** 'cancelled' = 中止 (stopped by its abort signal before writing; nothing written) */
  status: 'succeeded' | 'failed' | 'cancelled';
  dryRun: boolean;
  /** true when the plan was written (never for a preview) */
  committed: boolean;
  window: ImportWindow | null;
  cursorBefore: string | null;
  cursorAfter: string | null;
  /** the window reached today: nothing more to catch up */
  caughtUp: boolean;
  plan: ImportPlan | null;
  errors: ImportError[];
  warnings: ImportError[];
  counts: { orders: number; shipments: number; invoices: number; lines: number; amount: number; stockEntries: number };
  apiCalls: number;
  message: string;
  /** true when the run was stopped by its abort signal (中止 / app quit) before writing */
  aborted?: boolean;
}

/** Creates the run row (status running) after checking the setting; returns the run id. */
export function startImportRun(deps: ImportDeps, opts: Pick<ImportOptions, 'settingId' | 'dryRun' | 'trigger'>): number {
  const setting = loadEcSetting(deps.repos, opts.settingId);
  deps.repos.importRuns.failInterrupted(setting.id, deps.now());
  return deps.repos.importRuns.createRun({
    settingId: setting.id,
    trigger: opts.trigger,
    dryRun: opts.dryRun,
    windowFrom: null,
    windowTo: null,
    startedAt: deps.now(),
  });
}

/** Ids per request when re-fetching watched orders. */
const WATCH_CHUNK = 100;

/** Runs the pipeline for a run created by startImportRun. Never throws: failures are the outcome. */
export async function executeImportRun(deps: ImportDeps, runId: number, opts: ImportOptions): Promise<ImportOutcome> {
  const outcome: ImportOutcome = {
    runId,
    status: 'failed',
    dryRun: opts.dryRun,
    committed: false,
    window: null,
    cursorBefore: null,
    cursorAfter: null,
    caughtUp: false,
    plan: null,
    errors: [],
    warnings: [],
    counts: { orders: 0, shipments: 0, invoices: 0, lines: 0, amount: 0, stockEntries: 0 },
    apiCalls: 0,
    message: '',
  };
  let progress: ImportProgress = { runId, phase: 'fetching', pages: 0, orders: 0, requests: 0 };
  const report = (p: Partial<ImportProgress>): void => {
    progress = { ...progress, ...p };
    opts.onProgress?.(progress);
  };
  let stats = (): number => 0;
  const signal = opts.signal;
  // between phases: an abort that arrived while a phase did not wait on the network ends the run here
  const checkAborted = (): void => {
    if (signal?.aborted) throw new ImportAbortedError();
  };
  try {
    checkAborted();
    const setting = loadEcSetting(deps.repos, opts.settingId);
    const today = jstDateOf(deps.clock.now());
    outcome.cursorBefore = setting.importStartDate;
    outcome.cursorAfter = setting.importStartDate;
    const window = setting.importStartDate ? importWindow(setting.importStartDate, today) : null;
    outcome.window = window;
    outcome.caughtUp = isCaughtUp(window, today);
    deps.repos.importRuns.setWindow(runId, window?.from ?? null, window?.to ?? null);

    const connection = { id: setting.id, apiBaseUrl: setting.apiBaseUrl, rateBudget: setting.rateBudget, ...setting.oauth };
    const auth = deps.bcart.auth(connection);
    const authState = await auth.state();
    checkAborted();
    if (authState.status === '未認証') {
      throw new AppError('NOT_CONNECTED', `EC連携設定「${setting.name}」はBカートに未認証です。EC連携設定の画面で「ECサイト認証」またはアクセストークンの登録を行ってから、もう一度実行してください。`);
    }
    let basePages = 0;
    let phasePages = 0;
    const client = deps.bcart.client(connection, {
      ...opts.client,
      onProgress: (p: BcartProgress) => {
        phasePages = p.pagesFetched;
        report({ pages: basePages + p.pagesFetched, requests: p.requests });
      },
    });
    stats = () => client.stats().requests;

    report({ phase: 'fetching' });
    const orders: BcartOrder[] = window ? await client.listOrders({ orderedFrom: window.from, orderedTo: window.to }, { signal }) : [];
    checkAborted();
    report({ orders: orders.length });
    basePages += phasePages;
    phasePages = 0;

    // orders of earlier windows that were not fully shipped (requirements §3.3)
    report({ phase: 'watching' });
    const have = new Set(orders.map((o) => o.id));
    const watched = deps.repos.importRuns.watched(setting.id).filter((w) => !have.has(w.id));
    const extraLogs: ImportLogEntry[] = [];
    for (let i = 0; i < watched.length; i += WATCH_CHUNK) {
      const chunk = watched.slice(i, i + WATCH_CHUNK);
      const found = await client.listOrders({ ids: chunk.map((w) => w.id) }, { signal });
      checkAborted();
      basePages += phasePages;
      phasePages = 0;
      const foundIds = new Set(found.map((o) => o.id));
      orders.push(...found);
      for (const w of chunk) {
        if (!foundIds.has(w.id)) {
          extraLogs.push({
            runId,
            level: 'warn',
            orderCode: w.code,
            code: 'WATCHED_ORDER_MISSING',
            message: `受注番号 ${w.code}: 出荷待ちとして確認中の注文がBカートで見つかりません（削除された可能性があります）。Bカートで注文を確認してください。確認が済むまで毎回確認します。`,
            createdAt: deps.now(),
          });
        }
      }
      report({ orders: orders.length });
    }

    checkAborted();
    report({ phase: 'mapping' });
    const masters = loadImportMasters(deps.repos, setting.id, {
      orderIds: orders.map((o) => o.id),
      logisticsIds: orders.flatMap((o) => o.logistics.map((l) => l.id)),
    });
    const plan = mapOrdersForImport(orders, masters);
    outcome.plan = plan;
    outcome.apiCalls = stats();
    const sum = plan.summary;
    outcome.counts = { orders: sum.orders, shipments: sum.shipments, invoices: sum.invoices, lines: sum.lines, amount: sum.amount, stockEntries: 0 };
    outcome.errors = plan.problems.filter((p) => p.level === 'error').map(({ orderCode, code, message }) => ({ orderCode, code, message }));
    outcome.warnings = [
      ...plan.problems.filter((p) => p.level === 'warning').map(({ orderCode, code, message }) => ({ orderCode, code, message })),
      ...extraLogs.map(({ orderCode, code, message }) => ({ orderCode, code: code ?? '', message })),
    ];
    const now = deps.now();
    const logs = [...problemLogs(runId, plan.problems, now), ...extraLogs];
    const windowText = window ? `受注日 ${window.from}〜${window.to}` : '新しい受注日なし';
    const planText = `注文 ${sum.orders} 件、出荷伝票 ${sum.shipments} 件（明細 ${sum.lines} 行）、請求伝票 ${sum.invoices} 件、請求額合計 ¥${sum.amount.toLocaleString('en-US')}`;

    // last point of no return: after this check the (synchronous) transaction runs to its end
    checkAborted();
    if (hasImportErrors(plan.problems)) {
      const message = `${opts.dryRun ? '取込プレビュー' : '出荷取込処理'}（${windowText}）で ${sum.errors} 件のエラーがあったため、何も取り込んでいません（出荷取込開始日は変わりません）。システムログの各注文のメッセージに従って修正し、もう一度実行してください。`;
      logs.push({ runId, level: 'error', orderCode: null, code: 'IMPORT_FAILED', message, createdAt: now });
      deps.repos.importRuns.closeWithoutWrites(runId, { status: 'failed', now, ...runCounts(plan, outcome.apiCalls), message, logs });
      outcome.message = message;
      report({ phase: 'done' });
      return outcome;
    }
    if (opts.dryRun) {
      const message = `取込プレビュー（${windowText}）: ${planText}。まだ何も取り込んでいません。`;
      logs.push({ runId, level: 'info', orderCode: null, code: 'PREVIEW', message, createdAt: now });
      deps.repos.importRuns.closeWithoutWrites(runId, { status: 'succeeded', now, ...runCounts(plan, outcome.apiCalls), message, logs });
      outcome.status = 'succeeded';
      outcome.message = message;
      report({ phase: 'done' });
      return outcome;
    }

    report({ phase: 'writing' });
    const cursor = window ? nextCursor(window, today) : null;
    const message = `出荷取込処理（${windowText}）: ${planText}を取り込みました。${cursor ? `次回の出荷取込開始日は ${cursor} です。` : ''}`;
    logs.push({ runId, level: 'info', orderCode: null, code: 'IMPORTED', message, createdAt: now });
    const written = writeImportPlan(deps.repos, { settingId: setting.id, runId, plan, cursor, now, apiCalls: outcome.apiCalls, logs });
    outcome.counts.stockEntries = written.stockEntries;
    outcome.committed = true;
    outcome.status = 'succeeded';
    outcome.cursorAfter = cursor ?? setting.importStartDate;
    outcome.message = message;
    report({ phase: 'done' });
    return outcome;
  } catch (e) {
    outcome.apiCalls = stats();
    outcome.plan = null;
    const aborted = signal?.aborted === true;
    outcome.aborted = aborted || undefined;
    // 中止 is the user's (or app quit's) choice, not a failure: recorded and reported as 'cancelled'
    if (aborted) outcome.status = 'cancelled';
    const err = aborted ? abortedError(opts.dryRun) : toImportError(e);
    if (aborted) deps.logger.info('import run aborted', { runId });
    else deps.logger.error('import run failed', { runId, code: err.code, error: e instanceof Error ? e.message : String(e) });
    outcome.errors = [...outcome.errors, err];
    outcome.message = err.message;
    try {
      deps.repos.importRuns.closeWithoutWrites(runId, {
        status: aborted ? 'cancelled' : 'failed',
        now: deps.now(),
        orders: outcome.counts.orders,
        shipments: 0,
        invoices: 0,
        amount: 0,
        apiCalls: outcome.apiCalls,
        // the 中止 line is logged as 注意 (warn), so it counts as a warning, not an error
        errors: aborted ? outcome.errors.length - 1 : outcome.errors.length,
        warnings: aborted ? 1 : 0,
        message: err.message,
        logs: [{ runId, level: aborted ? 'warn' : 'error', orderCode: null, code: err.code, message: err.message, createdAt: deps.now() }],
      });
    } catch (logErr) {
      deps.logger.error('could not record the failed import run', { runId, error: logErr instanceof Error ? logErr.message : String(logErr) });
    }
    report({ phase: 'done' });
    return outcome;
  }
}

/** startImportRun + executeImportRun. Throws only when the run cannot even start (no such setting). */
export async function runImport(deps: ImportDeps, opts: ImportOptions): Promise<ImportOutcome> {
  const runId = startImportRun(deps, opts);
  return executeImportRun(deps, runId, opts);
}

/** Log lines of the mapping's problems. */
function problemLogs(runId: number, problems: readonly ImportProblem[], now: string): ImportLogEntry[] {
  return problems.map((p) => ({ runId, level: p.level === 'error' ? 'error' : 'warn', orderCode: p.orderCode, code: p.code, message: p.message, createdAt: now }));
}

function runCounts(plan: ImportPlan, apiCalls: number) {
  const s = plan.summary;
  return { orders: s.orders, shipments: s.shipments, invoices: s.invoices, amount: s.amount, apiCalls, errors: s.errors, warnings: s.warnings };
}

const NOTHING_IMPORTED = '何も取り込んでいません（出荷取込開始日は変わりません）。';

/** A thrown failure as a logged problem, in Japanese with what to do (classifyError gives the code). */
function toImportError(e: unknown): ImportError {
  const err = classifyError(e, {
    // UNIQUE on the BCart ids: a concurrent import of the same orders won
    conflict: `同じ出荷・注文が別の取込で同時に取り込まれました。${NOTHING_IMPORTED}もう一度実行すると残りが取り込まれます。`,
    internal: `予期しないエラーです（${e instanceof Error ? e.message : String(e)}）。${NOTHING_IMPORTED}アプリのログを添えてサポートに連絡してください。`,
  });
  const message = err.message.includes(NOTHING_IMPORTED) ? err.message : `${err.message} ${NOTHING_IMPORTED}`;
  return { orderCode: null, code: err.code, message: `出荷取込処理を中止しました: ${message}` };
}

/** Thrown between phases when the run's signal is aborted (the catch turns it into the 中止 outcome). */
class ImportAbortedError extends Error {
  constructor() {
    super('import aborted');
    this.name = 'ImportAbortedError';
  }
}

/** The 中止 outcome: code IMPORT_FAILED (the run's errors list carries AppErrorCodes or mapping codes), nothing written. */
function abortedError(dryRun: boolean): ImportError {
  const what = dryRun ? '取込プレビュー' : '出荷取込処理';
  return {
    orderCode: null,
    code: 'IMPORT_FAILED',
    message: `${what}を中止しました（中止の操作またはアプリの終了による）。何も取り込んでいません（出荷取込開始日は変わりません）。必要なときに、もう一度${what}を実行してください。`,
  };
}
