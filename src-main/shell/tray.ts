/**
 * The tray icon: the app keeps living there (scheduled imports run while the window is closed).
 * Menu: 開く / 終了 (the scheduler issue adds 今すぐ取込, 最終結果, 一時停止).
 */
import type * as Electron from 'electron';
import type { ElectronApi } from './electron-api';

/** 16×16 PNG (blue square) so the tray works without shipping an icon file in the build. */
const ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAHUlEQVR42mNkYPhfz0AEYBxVOKpwVOGowlGFgwoBAH2uAhFwKc4xAAAAAElFTkSuQmCC';

export interface TrayActions {
  open(): void;
  quit(): void;
}

export function trayMenuTemplate(actions: TrayActions): Electron.MenuItemConstructorOptions[] {
  return [
    { label: '開く', click: () => actions.open() },
    { type: 'separator' },
    { label: '終了', click: () => actions.quit() },
  ];
}

export function createTray(electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>, actions: TrayActions): Electron.Tray {
  const tray = new electron.Tray(electron.nativeImage.createFromDataURL(ICON_DATA_URL));
  tray.setToolTip('BCart Desk');
  tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenuTemplate(actions)));
  tray.on('click', () => actions.open());
  return tray;
}
