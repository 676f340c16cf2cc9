/**
 * What has to end before the database closes when the app quits: the batch scheduler (its timer,
 * and the runs it aborts), any other 出荷取込処理 in progress (started from the screen or the tray:
 * cancelled, so it ends as a clean rolled-back run) and the in-process demo simulator (its port). Every step is bounded and
 * logged rather than thrown, so 終了 always reaches core.close() and app.quit().
 */
import type { Logger } from '../core/ports';
import type { Services } from '../core/services';

/** How long a run may take to settle after its abort before the database closes under it. */
export const DEFAULT_QUIT_GRACE_MS = 5_000;

/** Resolves with true when `p` settles within `ms`, false otherwise (never rejects). */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true as const, () => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops the scheduler (timer cleared, running jobs aborted) and cancels every other running
 * 出荷取込処理, and waits up to `graceMs` for them, so
 * a run that ends in time records its own result instead of being closed as interrupted at the
 * next start; then closes the demo simulator's server.
 */
export async function stopBackgroundWork(services: Pick<Services, 'schedules' | 'imports' | 'demo' | 'stock'>, logger: Logger, graceMs = DEFAULT_QUIT_GRACE_MS): Promise<void> {
  const { schedules } = services;
  const running = schedules.scheduler.runningJobIds();
  // the 在庫反映 pusher too: a send in flight is aborted and read back at the next start
  const settled = await settlesWithin(Promise.all([schedules.stop(), services.imports.cancelAll(), services.stock.pusher.stop()]), graceMs);
  if (!settled) logger.warn('終了時に実行中の取込が時間内に終わりませんでした。次回起動時に中断として記録されます。', { jobIds: running });
  const demo = services.demo.stop().catch((e: unknown) => {
    logger.warn('デモ用シミュレーターを停止できませんでした', { error: e instanceof Error ? e.message : String(e) });
  });
  await settlesWithin(demo, graceMs);
}
