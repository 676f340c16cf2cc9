/**
 * The application menu in Japanese. Electron's default menu is English and carries 再読み込み
 * (which throws away unsaved forms) and 開発者ツール (which gives the console, and with it every IPC
 * channel, to anyone at the PC): the installed app has neither; a development run (`npm start`)
 * keeps them under 開発. macOS gets its app menu (about, services, hide, 終了).
 */
import type * as Electron from 'electron';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** the app's clean 終了 (the same as the tray's) */
  quit(): void;
}

export function appMenuTemplate(opts: AppMenuOptions): Electron.MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const sep: Electron.MenuItemConstructorOptions = { type: 'separator' };
  const quitItem: Electron.MenuItemConstructorOptions = { label: '終了', accelerator: mac ? 'Command+Q' : 'Ctrl+Q', click: () => opts.quit() };
  const menu: Electron.MenuItemConstructorOptions[] = [];
  if (mac) {
    menu.push({
      label: 'BCart Desk',
      submenu: [
        { role: 'about', label: 'BCart Desk について' },
        sep,
        { role: 'services', label: 'サービス' },
        sep,
        { role: 'hide', label: 'BCart Desk を隠す' },
        { role: 'hideOthers', label: 'ほかを隠す' },
        { role: 'unhide', label: 'すべてを表示' },
        sep,
        quitItem,
      ],
    });
  }
  menu.push({ label: 'ファイル', submenu: mac ? [{ role: 'close', label: 'ウインドウを閉じる' }] : [{ role: 'close', label: 'ウインドウを閉じる' }, sep, quitItem] });
  menu.push({
    label: '編集',
    submenu: [
      { role: 'undo', label: '元に戻す' },
      { role: 'redo', label: 'やり直す' },
      sep,
      { role: 'cut', label: '切り取り' },
      { role: 'copy', label: 'コピー' },
      { role: 'paste', label: '貼り付け' },
      { role: 'selectAll', label: 'すべてを選択' },
    ],
  });
  menu.push({
    label: '表示',
    submenu: [
      { role: 'zoomIn', label: '拡大' },
      { role: 'zoomOut', label: '縮小' },
      { role: 'resetZoom', label: '実際のサイズ' },
      sep,
      { role: 'togglefullscreen', label: 'フルスクリーン' },
    ],
  });
  menu.push({ label: 'ウインドウ', submenu: [{ role: 'minimize', label: '最小化' }, ...(mac ? [{ role: 'zoom', label: 'ズーム' } as const, sep, { role: 'front', label: 'すべてを手前に移動' } as const] : [])] });
  if (!opts.isPackaged) {
    menu.push({
      label: '開発',
      submenu: [
        { role: 'reload', label: '再読み込み' },
        { role: 'forceReload', label: '強制的に再読み込み' },
        { role: 'toggleDevTools', label: '開発者ツール' },
      ],
    });
  }
  return menu;
}
