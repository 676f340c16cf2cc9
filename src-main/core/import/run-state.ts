/**
 * What the steps of one 出荷取込処理 run share (run-import.ts builds it): the dependencies, the
 * options, the outcome being filled in, progress reporting and the abort check between steps.
 */
import type { ImportDeps, ImportOptions, ImportOutcome, ImportProgress } from './run-import';

export interface RunState {
  deps: ImportDeps;
  runId: number;
  opts: ImportOptions;
  outcome: ImportOutcome;
  report(p: Partial<ImportProgress>): void;
  /** ends the run as 中止 (throws ImportAbortedError) when its signal was aborted */
  checkAborted(): void;
  /** BCart requests sent so far */
  apiCalls(): number;
  /** where apiCalls reads from once the client exists */
  countCallsWith(requests: () => number): void;
}

/** Thrown between steps when the run's signal is aborted (finish-import turns it into the 中止 outcome). */
export class ImportAbortedError extends Error {
  constructor() {
    super('import aborted');
    this.name = 'ImportAbortedError';
  }
}

/** The state of a fresh run: nothing counted, status failed until a step says otherwise. */
export function createRunState(deps: ImportDeps, runId: number, opts: ImportOptions): RunState {
  let progress: ImportProgress = { runId, phase: 'fetching', pages: 0, orders: 0, requests: 0 };
  let requests = (): number => 0;
  return {
    deps,
    runId,
    opts,
    outcome: {
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
    },
    report(p) {
      progress = { ...progress, ...p };
      opts.onProgress?.(progress);
    },
    checkAborted() {
      // between steps: an abort that arrived while a step did not wait on the network ends the run here
      if (opts.signal?.aborted) throw new ImportAbortedError();
    },
    apiCalls: () => requests(),
    countCallsWith(r) {
      requests = r;
    },
  };
}
