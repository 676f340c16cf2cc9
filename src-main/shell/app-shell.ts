/**
 * The thin Electron shell: single-instance lock, user-data paths, safeStorage token store,
 * electron-log, the secure main window, the IPC loop into the core, push events, and the tray.
 * Everything Electron-specific arrives as the injected ElectronApi so the wiring runs under Node
 * in tests with a fake.
 */
import type * as Electron from 'electron';
import { join } from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { Core, CoreOptions } from '../core/create-core';
import type { Logger } from '../core/ports';
import type { ElectronApi } from './electron-api';
import { PUSH_CHANNEL } from '../../src-shared/ipc/events';
import { registerIpc } from './ipc-loop';
import { createMainWindow } from './main-window';
import { createSafeTokenStore } from './safe-token-store';
import { denyAllPermissions, isAllowedExternalUrl, rendererUrl } from './security';
import { registerLoginItem } from '../core/scheduler/login-item';
import { schedulerServiceOf, startScheduler } from '../core/scheduler/scheduler-service';
import { wireScheduleTray } from './schedule-tray';

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
}

export interface ShellHandle {
  core: Core;
  window: Electron.BrowserWindow;
  tray: Electron.Tray;
  dataDir: string;
  quit(): void;
}

/** Data folder: APP_DATA_DIR overrides Electron's per-user folder (tests, portable installs). */
export function resolveDataDir(electron: Pick<ElectronApi, 'app'>, env: Record<string, string | undefined>): string {
  return env.APP_DATA_DIR && env.APP_DATA_DIR.trim() !== '' ? env.APP_DATA_DIR : electron.app.getPath('userData');
}

export async function startShell(electron: ElectronApi, opts: ShellOptions): Promise<ShellHandle | null> {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();
  const dataDir = resolveDataDir(electron, opts.env);
  const logger = opts.createLogger(join(dataDir, 'logs', 'main.log'));
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
  const window = createMainWindow(electron, {
    preloadPath: join(opts.appRoot, 'dist', 'main', 'preload.cjs'),
    indexHtml,
    trustedUrl,
    log: (m) => logger.warn(m),
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
  const schedules = startScheduler(core);
  registerLoginItem(core.ctx, (openAtLogin) => app.setLoginItemSettings({ openAtLogin }));
  const keepInTray = opts.keepInTray ?? ((c: Core) => schedulerServiceOf(c.ctx).hasEnabledJobs());
  const quit = () => {
    quitting = true;
    scheduleTray.dispose();
    void schedules.stop(); // clears the timer and aborts running imports synchronously
    unsubscribe();
    unregister();
    core.close();
    app.quit();
  };
  window.on('close', (event) => {
    if (!quitting && keepInTray(core)) {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('closed', () => {
    if (!quitting) quit();
  });
  const scheduleTray = wireScheduleTray(electron, { core, service: schedules, window, indexHtml, open, quit, logger });
  const tray = scheduleTray.tray;
  app.on('second-instance', open);
  logger.info('shell ready', { dataDir });
  return { core, window, tray, dataDir, quit };
}
