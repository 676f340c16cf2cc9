/**
 * Wires the batch scheduler to the tray and to desktop notifications: the tray menu acts on the
 * scheduler (今すぐ取込, 一時停止/再開) and mirrors its state; a scheduled run that ends raises a
 * notification (counts, or the first problem) whose click opens the window on that job's result.
 * Plain functions over the injected Electron API, so the wiring is tested with the fake.
 */
import type * as Electron from 'electron';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/ports';
import { isCancelledOutcome, runImportJob } from '../core/schedules/import-job-runner';
import type { SchedulerService } from '../core/schedules/scheduler-service';
import type { SchedulerEvent } from '../core/schedules/scheduler-types';
import type { ElectronApi } from './electron-api';
import { createTrayHandle, type TrayHandle, type TrayState } from './tray';

export interface ScheduleTrayOptions {
  core: Core;
  service: SchedulerService;
  window: Electron.BrowserWindow;
  /** dist/renderer/index.html (the window is reloaded on a route) */
  indexHtml: string;
  open(): void;
  quit(): void;
  logger: Logger;
}

export interface ScheduleTray extends TrayHandle {
  /** recomputes the tray from the scheduler and the database */
  refresh(): void;
  dispose(): void;
}

const shortTime = (iso: string): string => `${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 16)}`;

/** The latest finished run over all jobs (最終結果). */
function lastFinishedRun(service: SchedulerService): { jobId: number; ok: boolean; cancelled: boolean; finishedAt: string; message: string } | null {
  let best: { runId: number; jobId: number; ok: boolean; cancelled: boolean; finishedAt: string; message: string } | null = null;
  for (const job of service.store.listJobs()) {
    const r = service.store.listRuns(job.id, 5).find((x) => x.status === 'succeeded' || x.status === 'failed' || x.status === 'cancelled');
    if (r && r.finishedAt && (!best || r.runId > best.runId)) {
      best = { runId: r.runId, jobId: job.id, ok: r.status === 'succeeded', cancelled: r.status === 'cancelled', finishedAt: r.finishedAt, message: r.message ?? '' };
    }
  }
  return best;
}

/** What did not run while paused, for the resume notification. */
function skippedText(skipped: readonly { at: string }[]): string {
  if (skipped.length === 0) return '停止中に予定されていた取込はありませんでした。';
  const first = skipped.slice(0, 3).map((s) => shortTime(s.at)).join('、');
  return `停止中に実行されなかった予定が ${skipped.length} 件あります（${first}${skipped.length > 3 ? ' ほか' : ''}）。注文は次回の取込でまとめて取り込まれます。`;
}

/** The job 今すぐ取込 runs: the first enabled one, else the first one. */
function trayJobId(service: SchedulerService): number | null {
  const jobs = service.store.listJobs();
  return (jobs.find((j) => j.enabled) ?? jobs[0])?.id ?? null;
}

/** Title and body of the completion notification. */
export function notificationFor(e: SchedulerEvent): { title: string; body: string } | null {
  if (e.type === 'finished') return { title: `${e.jobName}: 完了しました`, body: e.outcome.summary };
  if (e.type === 'failed') return { title: `${e.jobName}: ${isCancelledOutcome(e.outcome) ? '中止しました' : '失敗しました'}`, body: e.outcome.error.message };
  return null;
}

export function wireScheduleTray(electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage' | 'Notification'>, opts: ScheduleTrayOptions): ScheduleTray {
  const { service, logger } = opts;
  /** runs started from the tray: notified like scheduled ones (the window may be hidden) */
  const fromTray = new Set<number>();

  const openOnJob = (jobId: number): void => {
    // the renderer routes by hash: the schedule page opens with the job's last result and its log link
    if (!opts.window.isDestroyed()) void opts.window.loadFile(opts.indexHtml, { hash: `/schedules/${jobId}` });
    opts.open();
  };

  const notify = (text: { title: string; body: string }, onClick?: () => void): void => {
    if (!electron.Notification.isSupported()) return;
    const n = new electron.Notification({ title: text.title, body: text.body.slice(0, 250) });
    if (onClick) n.on('click', onClick);
    n.show();
  };

  const handle: TrayHandle = createTrayHandle(electron, {
    open: opts.open,
    quit: opts.quit,
    runNow: () => {
      const jobId = trayJobId(service);
      try {
        if (jobId !== null) fromTray.add(service.runNow(jobId, 'tray'));
        else runWithoutJob();
      } catch (e) {
        notify({ title: '今すぐ取込を開始できません', body: e instanceof Error ? e.message : String(e) });
      }
      refresh();
    },
    openLastResult: () => {
      const last = lastFinishedRun(service);
      if (last) openOnJob(last.jobId);
    },
    openStockPush: () => {
      if (!opts.window.isDestroyed()) void opts.window.loadFile(opts.indexHtml, { hash: '/stock-push' });
      opts.open();
    },
    togglePause: () => {
      if (service.scheduler.isPausedBy('user')) {
        const skipped = service.resume();
        notify({ title: 'スケジュールを再開しました', body: skippedText(skipped) });
      } else {
        service.pause();
      }
      refresh();
    },
  });

  /** No schedule yet: 今すぐ取込 still imports every EC連携設定 (recorded in the import history only). */
  let directRun = false;
  function runWithoutJob(): void {
    if (directRun) return;
    directRun = true;
    void runImportJob(opts.core.services, 'manual', undefined, 'tray')
      .catch((e: unknown) => ({ ok: false as const, error: { code: 'INTERNAL' as const, message: e instanceof Error ? e.message : String(e), retryable: true } }))
      .then((o) => {
        directRun = false;
        const title = o.ok ? '今すぐ取込: 完了しました' : isCancelledOutcome(o) ? '今すぐ取込: 中止しました' : '今すぐ取込: 失敗しました';
        notify({ title, body: o.ok ? o.summary : o.error.message }, () => opts.open());
        refresh();
      });
  }

  function refresh(): void {
    try {
      const state = service.state();
      const last = lastFinishedRun(service);
      const trayState: TrayState = {
        running: state.runningJobIds.length > 0 || directRun,
        paused: state.pausedBy.length > 0,
        canRunNow: state.runningJobIds.length === 0 && !directRun && state.pausedBy.length === 0,
        lastResult: last ? { ok: last.ok, label: `${last.ok ? '成功' : last.cancelled ? '中止' : '失敗'} ${shortTime(last.finishedAt)}`, message: last.message } : null,
        nextRunAt: state.nextRuns[0]?.at ?? null,
        stock: opts.core.services.stock.repos.outbox.counts(),
      };
      handle.update(trayState);
    } catch (e) {
      logger.error('タスクトレイを更新できませんでした', { err: String(e) });
    }
  }

  const offScheduler = service.subscribe((e) => {
    if (e.type === 'finished' || e.type === 'failed') {
      const tray = e.runId !== null && fromTray.delete(e.runId);
      const text = notificationFor(e);
      if (text && (e.trigger !== 'manual' || tray)) notify(text, () => openOnJob(e.jobId));
    }
    if (e.type === 'resumed' && e.reason === 'store-closed' && e.stillPausedBy.length === 0) {
      notify({ title: '受付再開: スケジュールを再開しました', body: skippedText(e.skipped) }, () => opts.open());
    }
  });
  // IPC changes (pause from the screen, jobs edited) arrive as events too
  const offEvents = opts.core.events.subscribe((event) => {
    if (event === 'schedule:changed' || event === 'schedule:ran' || event === 'stock:pushChanged') refresh();
  });
  refresh();
  return {
    ...handle,
    refresh,
    dispose() {
      offScheduler();
      offEvents();
    },
  };
}
