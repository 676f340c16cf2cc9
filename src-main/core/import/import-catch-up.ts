/**
 * 「最新まで取込」: runs 出荷取込処理 window after window through the import service (each run is its
 * own all-or-nothing run with its own history row and progress events) until catchUpNext says stop.
 */
import { CATCH_UP_MESSAGES, catchUpNext, type CatchUpResult, type CatchUpState } from '../../../src-shared/import/catch-up';
import type { ImportService } from './import-service';

export interface CatchUpDeps {
  start: ImportService['start'];
  /** the setting's API呼び出し上限 (calls per 300 s) */
  budgetOf(settingId: number): number;
  /** the setting's 出荷取込開始日 now */
  cursorOf(settingId: number): string | null;
}

export async function catchUpImport(deps: CatchUpDeps, settingId: number): Promise<CatchUpResult> {
  const state: CatchUpState = { windows: 0, calls: 0, maxWindowCalls: 0, budget: deps.budgetOf(settingId), last: null };
  const runIds: number[] = [];
  let shipments = 0;
  let invoices = 0;
  for (;;) {
    const next = catchUpNext(state);
    if (next !== 'run') {
      const cursor = deps.cursorOf(settingId);
      return {
        settingId,
        windows: state.windows,
        runIds,
        stop: next,
        cursor,
        caughtUp: next === 'caught-up',
        shipments,
        invoices,
        message: `${state.windows}期間を処理しました (出荷伝票 ${shipments}件・請求伝票 ${invoices}件)。${CATCH_UP_MESSAGES[next]}`,
      };
    }
    // the first window's refusal (ALREADY_RUNNING, STORE_CLOSED, SETTINGS_INVALID …) reaches the caller as is
    const { runId, done } = deps.start(settingId, { dryRun: false, trigger: 'manual' });
    runIds.push(runId);
    const o = await done;
    state.windows++;
    state.calls += o.apiCalls;
    state.maxWindowCalls = Math.max(state.maxWindowCalls, o.apiCalls);
    state.last = { status: o.status, caughtUp: o.caughtUp || o.window === null };
    if (o.committed) {
      shipments += o.counts.shipments;
      invoices += o.counts.invoices;
    }
  }
}
