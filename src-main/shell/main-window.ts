/** The main window: secure options, guards, loads the built renderer from disk. */
import type * as Electron from 'electron';
import type { ElectronApi } from './electron-api';
import { guardWebContents, secureWebPreferences } from './security';

export interface MainWindowOptions {
  preloadPath: string;
  indexHtml: string;
  trustedUrl: string;
  log: (msg: string) => void;
  /** false when launched at sign-in: the window stays hidden until the tray's 開く (default true) */
  showWhenReady?: boolean;
}

export function mainWindowOptions(preloadPath: string): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'BCart Desk',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Creates the guarded main window and loads the renderer; it shows itself once painted unless told not to. */
export function createMainWindow(electron: Pick<ElectronApi, 'BrowserWindow'>, opts: MainWindowOptions): Electron.BrowserWindow {
  const win = new electron.BrowserWindow(mainWindowOptions(opts.preloadPath));
  guardWebContents(win.webContents, opts.trustedUrl, opts.log);
  if (opts.showWhenReady !== false) win.once('ready-to-show', () => win.show());
  void win.loadFile(opts.indexHtml);
  return win;
}
