/** The main window: secure options, loads the renderer from the app origin (app://bcart-desk). */
import type * as Electron from 'electron';
import { APP_INDEX_URL } from './app-protocol';
import type { ElectronApi } from './electron-api';
import { secureWebPreferences } from './security';

export interface MainWindowOptions {
  preloadPath: string;
  /** DevTools allowed (development runs only) */
  devTools: boolean;
  /** window icon (Linux; Windows and macOS take the executable's) */
  icon?: Electron.NativeImage;
  log: (msg: string) => void;
  /** false when launched at sign-in: the window stays hidden until the tray's 開く (default true) */
  showWhenReady?: boolean;
}

export function mainWindowOptions(preloadPath: string, devTools: boolean, icon?: Electron.NativeImage): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'BCart Desk',
    show: false,
    backgroundColor: '#f5f6f8',
    ...(icon ? { icon } : {}),
    webPreferences: secureWebPreferences(preloadPath, { devTools }),
  };
}

/** Creates the main window and loads the page; it shows itself once painted unless told not to. */
export function createMainWindow(electron: Pick<ElectronApi, 'BrowserWindow'>, opts: MainWindowOptions): Electron.BrowserWindow {
  const win = new electron.BrowserWindow(mainWindowOptions(opts.preloadPath, opts.devTools, opts.icon));
  if (opts.showWhenReady !== false) win.once('ready-to-show', () => win.show());
  loadAppPage(win, opts.log);
  return win;
}

/** Loads the page (again, after a renderer crash); a failure is logged — the window stays. */
export function loadAppPage(win: Electron.BrowserWindow, log: (msg: string) => void, hash?: string): void {
  void win.loadURL(hash ? `${APP_INDEX_URL}#${hash}` : APP_INDEX_URL).catch((e: unknown) => log(`画面を読み込めませんでした: ${e instanceof Error ? e.message : String(e)}`));
}
