/**
 * When the page's process dies (a crash, out of memory, killed by the OS or an antivirus) the
 * window turns blank while imports and schedules go on in main. The clerk is told so and offered
 * 再読み込み (a new page process on the same app) or 終了.
 */
import type * as Electron from 'electron';
import type { Logger } from '../core/ports';
import type { ElectronApi } from './electron-api';
import { loadAppPage } from './main-window';

const REASONS: Partial<Record<Electron.RenderProcessGoneDetails['reason'], string>> = {
  crashed: 'クラッシュしました',
  oom: 'メモリが足りなくなりました',
  killed: '強制終了されました',
  'launch-failed': '起動できませんでした',
  'integrity-failure': 'アプリのファイルの検査に失敗しました',
  'memory-eviction': 'メモリ不足のため終了されました',
};

export function offerReloadOnCrash(
  electron: Pick<ElectronApi, 'dialog'>,
  win: Electron.BrowserWindow,
  opts: { logger: Logger; quit(): void; isQuitting(): boolean },
): void {
  let asking = false;
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || opts.isQuitting() || win.isDestroyed()) return;
    opts.logger.error('画面のプロセスが終了しました', { reason: details.reason, exitCode: details.exitCode });
    if (asking) return;
    asking = true;
    const what = REASONS[details.reason] ?? '異常終了しました';
    void electron.dialog
      .showMessageBox(win, {
        type: 'error',
        title: 'BCart Desk',
        message: `画面の表示が${what}。`,
        detail:
          '取込とスケジュールはそのまま動いています。「再読み込み」で画面を開き直します（入力途中の内容は失われます）。繰り返し起きる場合は、ログ (データフォルダの logs) を添えてサポートにご連絡ください。',
        buttons: ['再読み込み', '終了'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      })
      .then(({ response }) => {
        asking = false;
        if (response === 1) opts.quit();
        else if (!win.isDestroyed() && !opts.isQuitting()) loadAppPage(win, (m) => opts.logger.warn(m));
      })
      .catch((e: unknown) => {
        asking = false;
        opts.logger.error('再読み込みの確認を表示できませんでした', { error: e instanceof Error ? e.message : String(e) });
      });
  });
}
