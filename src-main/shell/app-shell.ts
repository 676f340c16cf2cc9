/**
 * The thin Electron shell: single-instance lock, user-data paths, safeStorage token store,
 * electron-log, Chromium's network stack for BCart, the page served from app://bcart-desk, the
 * secure main window, the IPC loop into the core, push events, the tray, the application menu,
 * OS shutdown and automatic updates. Everything Electron-specific arrives as the injected
 * ElectronApi so the wiring runs under Node in tests with a strict fake.
 */
import type * as Electron from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src-shared/errors';
import { parseHostList } from '../../src-shared/ec-settings/api-url-policy';
import { PUSH_CHANNEL } from '../../src-shared/ipc/events';
import type { Core, CoreOptions } from '../core/create-core';
import type { Logger } from '../core/ports';
import { demoShopPort } from '../simulator';
import { appMenuTemplate } from './app-menu';
import { APP_INDEX_URL, registerAppScheme, serveApp } from './app-protocol';
import { decideUpdates, readUpdateFeedConfig, startAutoUpdate, type AutoUpdate, type Updater } from './auto-update';
import type { ElectronApi } from './electron-api';
import { closeForeignIpc, registerIpc } from './ipc-loop';
import { APP_USER_MODEL_ID, launchedHidden, loginItemSettingsFor } from './login-launch';
import { createMainWindow, loadAppPage } from './main-window';
import { offerReloadOnCrash } from './renderer-crash';
import { createSafeTokenStore } from './safe-token-store';
import { wireScheduleTray } from './schedule-tray';
import { denyAllPermissions, guardWebContents, isAllowedExternalUrl } from './security';
import { sessionEndWords, stopBackgroundWork, stopBackgroundWorkNow } from './shutdown';

export interface ShellOptions {
  /** folder holding dist/, drizzle/ and resources/ (app.getAppPath(): app.asar in the installed app) */
  appRoot: string;
  env: Record<string, string | undefined>;
  createCore: (opts: CoreOptions) => Promise<Core>;
  createLogger: (logFile: string) => Logger;
  /** better_sqlite3.node built for Electron (native-binding.ts) */
  nativeBinding?: string;
  /** true while the window's close button should hide to the tray (default: enabled schedules exist) */
  keepInTray?: (core: Core) => boolean;
  /** command line of this launch (default process.argv): `--hidden` = started at sign-in */
  argv?: readonly string[];
  /** default process.platform */
  platform?: NodeJS.Platform;
  /** how long 終了 waits for an aborted run to settle before closing the database (ms) */
  quitGraceMs?: number;
  /** electron-updater's autoUpdater, asked for only when updates are on */
  updater?: () => Updater;
  /** <resources>/app-update.yml, written by electron-builder when the build has a feed */
  updateConfigFile?: string;
}

export interface ShellHandle {
  core: Core;
  window: Electron.BrowserWindow;
  tray: Electron.Tray;
  dataDir: string;
  /** 終了: stops the scheduler and the demo simulator, closes the database, quits (idempotent) */
  quit(): Promise<void>;
  /** present when updates are on */
  updates: AutoUpdate | null;
}

/** Settings read from the environment only in a development run; the installed app ignores them. */
const DEVELOPER_ENV = ['APP_DATA_DIR', 'BCART_EXTERNAL_HOSTS'] as const;

/**
 * The environment the shell acts on. In the installed app APP_DATA_DIR (another data folder) and
 * BCART_EXTERNAL_HOSTS (BCart credentials sent to other hosts) are dropped: a variable set on the
 * PC — by anyone — must not move the books or widen where tokens go.
 */
export function effectiveEnv(env: Record<string, string | undefined>, isPackaged: boolean): { env: Record<string, string | undefined>; ignored: string[] } {
  if (!isPackaged) return { env, ignored: [] };
  const out = { ...env };
  const ignored: string[] = [];
  for (const k of DEVELOPER_ENV) {
    if (out[k] !== undefined && out[k] !== '') ignored.push(k);
    delete out[k];
  }
  return { env: out, ignored };
}

/** Data folder: APP_DATA_DIR (development runs) overrides Electron's per-user folder. */
export function resolveDataDir(electron: Pick<ElectronApi, 'app'>, env: Record<string, string | undefined>): string {
  return env.APP_DATA_DIR && env.APP_DATA_DIR.trim() !== '' ? env.APP_DATA_DIR : electron.app.getPath('userData');
}

export async function startShell(electron: ElectronApi, opts: ShellOptions): Promise<ShellHandle | null> {
  const { app } = electron;
  const platform = opts.platform ?? process.platform;
  // Windows attributes toasts to the AppUserModelID; it must be set before the first Notification
  // and equal the installer's appId, or notifications show under a generic name or not at all.
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // before ready, or Chromium treats app:// as an opaque non-standard scheme
  registerAppScheme(electron.protocol);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();
  const { env, ignored } = effectiveEnv(opts.env, app.isPackaged);
  const dataDir = resolveDataDir(electron, env);
  // the books and the tokens' encrypted blobs: readable by this user only (where the OS has modes)
  mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });
  const logger = opts.createLogger(join(dataDir, 'logs', 'main.log'));
  if (ignored.length > 0) logger.warn('インストール版では開発用の環境変数を無視します', { ignored });
  closeForeignIpc(electron.ipcMain);
  denyAllPermissions(electron.session.defaultSession);
  // every web contents, including ones the app did not create itself (DevTools, a future webview)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (m) => logger.warn(m)));
  serveApp(electron.protocol, join(opts.appRoot, 'dist', 'renderer'));

  if (opts.nativeBinding && !existsSync(opts.nativeBinding)) {
    return refuseToStart(
      electron,
      logger,
      app.isPackaged
        ? `アプリのファイルの一部 (${opts.nativeBinding}) が見つかりません。BCart Desk をインストールし直してください。データフォルダのデータはそのまま残ります。`
        : `Electron 用の better-sqlite3 (${opts.nativeBinding}) がありません。npm start で起動してください (初回にビルドします)。`,
    );
  }
  const extraHosts = parseHostList(env.BCART_EXTERNAL_HOSTS);
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
      // Chromium's stack: the PC's proxy / PAC settings and its certificate store (TLS inspection)
      fetch: (input, init) => electron.net.fetch(input instanceof URL ? input.href : input, init),
      // developer setting: https hosts besides bcart.jp that EC連携設定 may point to
      extraApiHosts: extraHosts,
      openExternal: async (url) => {
        if (!isAllowedExternalUrl(url, extraHosts)) {
          throw new AppError('FORBIDDEN', '許可されていないURLは開けません。EC連携設定の認証URLを確認してください。');
        }
        await electron.shell.openExternal(url);
      },
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    return refuseToStart(electron, logger, e instanceof Error ? e.message : String(e));
  }

  let quitting = false;
  let closed = false;
  let restartForUpdate = false;
  // started at sign-in for the schedules: stay in the tray, 開く shows the window
  const hidden = launchedHidden(opts.argv ?? process.argv, () => app.getLoginItemSettings());
  const window = createMainWindow(electron, {
    preloadPath: join(opts.appRoot, 'dist', 'main', 'preload.cjs'),
    devTools: !app.isPackaged,
    ...(platform === 'linux' ? { icon: electron.nativeImage.createFromPath(join(opts.appRoot, 'resources', 'icon.png')) } : {}),
    log: (m) => logger.warn(m),
    showWhenReady: !hidden,
  });
  const unregister = registerIpc(electron.ipcMain, core, logger);
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(PUSH_CHANNEL, { event, payload });
  });

  /** 開く: after 終了 began (or the window is gone) there is nothing to show */
  const open = (): void => {
    if (quitting || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  /** a page of the app, inside the open page (a reload would lose unsaved forms) */
  const showPage = (page: string, param: string | null): void => {
    if (quitting || window.isDestroyed()) return;
    if (window.webContents.isLoading() || !window.webContents.getURL().startsWith(APP_INDEX_URL)) {
      loadAppPage(window, (m) => logger.warn(m), `/${page}${param ? `/${encodeURIComponent(param)}` : ''}`);
    } else {
      window.webContents.send(PUSH_CHANNEL, { event: 'app:navigationRequested', payload: { page, param } });
    }
  };

  const schedules = core.services.schedules.start();
  core.services.stock.pusher.start();
  const keepInTray = opts.keepInTray ?? ((c: Core) => c.services.schedules.hasEnabledJobs());
  let updates: AutoUpdate | null = null;
  let shutdown: Promise<void> | null = null;
  const quit = (): Promise<void> => {
    shutdown ??= (async () => {
      quitting = true;
      scheduleTray.shuttingDown(); // 終了しています…: nothing in the tray can be clicked any more
      if (!window.isDestroyed()) window.hide(); // feels immediate while runs settle
      scheduleTray.dispose();
      updates?.dispose();
      unsubscribe();
      unregister();
      // before the database closes: a run still writing would otherwise fail half-way
      await stopBackgroundWork(core.services, logger, opts.quitGraceMs);
      closeCore();
      scheduleTray.destroy();
      if (restartForUpdate && updates) updates.installNow();
      else app.quit();
    })();
    return shutdown;
  };
  function closeCore(): void {
    if (closed) return;
    closed = true;
    try {
      core.close();
    } catch (e) {
      logger.error('データベースを閉じられませんでした', { error: e instanceof Error ? e.message : String(e) });
    }
  }
  /**
   * The OS ends the session (Windows shutdown / sign-out, macOS / Linux shutdown): no before-quit,
   * and the process is killed right after this returns — so everything here is synchronous.
   */
  const sessionEnds = (reasons: readonly string[]): void => {
    if (closed) return;
    quitting = true;
    logger.warn('OS の終了を検知しました。実行中の処理を中止して終了します。', { reasons });
    stopBackgroundWorkNow(core.services, logger, sessionEndWords(platform, reasons));
    closeCore();
    scheduleTray.destroy();
    app.exit(0);
  };

  // Cmd+Q, the Dock, the menu: Electron quits without our tray. Hold it until the same clean
  // shutdown ran (otherwise a close-to-tray window would also cancel the quit).
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
  window.on('session-end', (event) => sessionEnds(event.reasons ?? []));
  electron.powerMonitor.on('shutdown', () => sessionEnds(['shutdown']));
  offerReloadOnCrash(electron, window, { logger, quit: () => void quit(), isQuitting: () => quitting });
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(appMenuTemplate({ platform, isPackaged: app.isPackaged, quit: () => void quit() })));

  const scheduleTray = wireScheduleTray(electron, {
    core,
    service: schedules,
    showPage,
    open,
    quit: () => void quit(),
    logger,
    icons: { dir: join(opts.appRoot, 'resources', 'tray'), platform },
    updateReady: () => updates?.readyVersion() ?? null,
    restartToUpdate: () => {
      restartForUpdate = true;
      void quit();
    },
  });
  const tray = scheduleTray.tray;
  // a hidden (sign-in) start is reached again by launching the app a second time or, on macOS,
  // by clicking its Dock icon
  app.on('second-instance', open);
  app.on('activate', open);

  if (opts.updater) {
    updates = startAutoUpdate({
      updater: opts.updater,
      decision: decideUpdates({ isPackaged: app.isPackaged, platform, config: opts.updateConfigFile ? readUpdateFeedConfig(opts.updateConfigFile) : null, env: opts.env }),
      logger,
      setInterval: (fn, ms) => setInterval(fn, ms).unref(),
      clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
      setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
      onReady: () => scheduleTray.refresh(),
    });
  }
  logger.info('shell ready', { dataDir, hidden, packaged: app.isPackaged });
  return { core, window, tray, dataDir, quit, updates };
}

/** A start that cannot go on: a Japanese error box, then quit. */
function refuseToStart(electron: Pick<ElectronApi, 'dialog' | 'app'>, logger: Logger, message: string): null {
  logger.error('core failed to start', { error: message });
  electron.dialog.showErrorBox('BCart Desk を起動できません', message);
  electron.app.quit();
  return null;
}
