/**
 * The thin Electron shell: single-instance lock, user-data paths, safeStorage token store,
 * electron-log, the secure main window, the IPC loop into the core, push events, and the tray.
 * Everything Electron-specific arrives as the injected ElectronApi so the wiring runs under Node
 * in tests with a fake.
 */
import type * as Electron from 'electron';
import { join } from 'node:path';
import { AppError } from '../../src-shared/errors';
import { parseHostList } from '../../src-shared/ec-settings/api-url-policy';
import type { Core, CoreOptions } from '../core/create-core';
import type { Logger } from '../core/ports';
import type { ElectronApi } from './electron-api';
import { PUSH_CHANNEL } from '../../src-shared/ipc/events';
import { closeForeignIpc, registerIpc } from './ipc-loop';
import { createMainWindow } from './main-window';
import { createSafeTokenStore } from './safe-token-store';
import { denyAllPermissions, isAllowedExternalUrl, rendererUrl } from './security';
import { demoShopPort } from '../simulator';
import { wireScheduleTray } from './schedule-tray';
import { APP_USER_MODEL_ID, launchedHidden, loginItemSettingsFor } from './login-launch';
import { stopBackgroundWork } from './shutdown';

export interface ShellOptions {
  /** folder holding dist/ and drizzle/ (app.getAppPath() in the packaged app) */
  appRoot: string;
  env: Record<string, string | undefined>;
  createCore: (opts: CoreOptions) => Promise<Core>;
  createLogger: (logFile: string) => Logger;
  /** better_sqlite3.node built for Electron, when not in the default place */
  nativeBinding?: string;
  /** true while the window's close button should hide to the tray (default: enabled schedules exist) */
  keepInTray?: (core: Core) => boolean;
  /** command line of this launch (default process.argv): `--hidden` = started at sign-in */
  argv?: readonly string[];
  /** default process.platform */
  platform?: NodeJS.Platform;
  /** how long 終了 waits for an aborted run to settle before closing the database (ms) */
  quitGraceMs?: number;
}

export interface ShellHandle {
  core: Core;
  window: Electron.BrowserWindow;
  tray: Electron.Tray;
  dataDir: string;
  /** 終了: stops the scheduler and the demo simulator, closes the database, quits (idempotent) */
  quit(): Promise<void>;
}

/** Data folder: APP_DATA_DIR overrides Electron's per-user folder (tests, portable installs). */
export function resolveDataDir(electron: Pick<ElectronApi, 'app'>, env: Record<string, string | undefined>): string {
  return env.APP_DATA_DIR && env.APP_DATA_DIR.trim() !== '' ? env.APP_DATA_DIR : electron.app.getPath('userData');
}

export async function startShell(electron: ElectronApi, opts: ShellOptions): Promise<ShellHandle | null> {
  const { app } = electron;
  // Windows attributes toasts to the AppUserModelID; it must be set before the first Notification
  // and equal the installer's appId, or notifications show under a generic name or not at all.
  if ((opts.platform ?? process.platform) === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();
  const dataDir = resolveDataDir(electron, opts.env);
  const logger = opts.createLogger(join(dataDir, 'logs', 'main.log'));
  closeForeignIpc(electron.ipcMain);
  denyAllPermissions(electron.session.defaultSession);

  const indexHtml = join(opts.appRoot, 'dist', 'renderer', 'index.html');
  const trustedUrl = rendererUrl(indexHtml);
  let core: Core;
  try {
    core = await opts.createCore({
      dataDir,
      migrationsDir: join(opts.appRoot, 'drizzle'),
      logger,
      tokenStore: createSafeTokenStore(electron.safeStorage, join(dataDir, 'secrets.json')),
      appVersion: app.getVersion(),
      demoShop: demoShopPort,
      loginItem: (openAtLogin) => app.setLoginItemSettings(loginItemSettingsFor(openAtLogin)),
      // developer setting: https hosts besides bcart.jp that EC連携設定 may point to
      extraApiHosts: parseHostList(opts.env.BCART_EXTERNAL_HOSTS),
      openExternal: async (url) => {
        if (!isAllowedExternalUrl(url, (opts.env.BCART_EXTERNAL_HOSTS ?? '').split(',').filter(Boolean))) {
          throw new AppError('FORBIDDEN', '許可されていないURLは開けません。EC連携設定の認証URLを確認してください。');
        }
        await electron.shell.openExternal(url);
      },
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.error('core failed to start', { error: message });
    electron.dialog.showErrorBox('BCart Desk を起動できません', message);
    app.quit();
    return null;
  }

  let quitting = false;
  // started at sign-in for the schedules: stay in the tray, 開く shows the window
  const hidden = launchedHidden(opts.argv ?? process.argv, () => app.getLoginItemSettings());
  const window = createMainWindow(electron, {
    preloadPath: join(opts.appRoot, 'dist', 'main', 'preload.cjs'),
    indexHtml,
    trustedUrl,
    log: (m) => logger.warn(m),
    showWhenReady: !hidden,
  });
  const unregister = registerIpc(electron.ipcMain, core, trustedUrl, logger);
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(PUSH_CHANNEL, { event, payload });
  });

  const open = () => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const schedules = core.services.schedules.start();
  core.services.stock.pusher.start();
  const keepInTray = opts.keepInTray ?? ((c: Core) => c.services.schedules.hasEnabledJobs());
  let shutdown: Promise<void> | null = null;
  let closed = false;
  const quit = (): Promise<void> => {
    shutdown ??= (async () => {
      quitting = true;
      if (!window.isDestroyed()) window.hide(); // feels immediate while runs settle
      scheduleTray.dispose();
      unsubscribe();
      unregister();
      // before the database closes: a run still writing would otherwise fail half-way
      await stopBackgroundWork(core.services, logger, opts.quitGraceMs);
      try {
        core.close();
      } catch (e) {
        logger.error('データベースを閉じられませんでした', { error: e instanceof Error ? e.message : String(e) });
      }
      closed = true;
      app.quit();
    })();
    return shutdown;
  };
  // Cmd+Q, the Dock, Windows sign-out: Electron quits without our tray. Hold it until the same
  // clean shutdown ran (otherwise a close-to-tray window would also cancel the quit).
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void quit();
  });
  window.on('close', (event) => {
    if (!quitting && keepInTray(core)) {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('closed', () => {
    if (!quitting) void quit();
  });
  const scheduleTray = wireScheduleTray(electron, { core, service: schedules, window, indexHtml, open, quit: () => void quit(), logger });
  const tray = scheduleTray.tray;
  // a hidden (sign-in) start is reached again by launching the app a second time or, on macOS,
  // by clicking its Dock icon
  app.on('second-instance', open);
  app.on('activate', open);
  logger.info('shell ready', { dataDir, hidden });
  return { core, window, tray, dataDir, quit };
}
