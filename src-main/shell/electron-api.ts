/**
 * The part of Electron's API the shell uses, as an injected object: main.ts passes the real
 * module, the tests pass a small fake (no Electron binary can run on the build machines).
 */
import type * as Electron from 'electron';

export interface ElectronApi {
  app: Pick<
    Electron.App,
    | 'requestSingleInstanceLock'
    | 'whenReady'
    | 'on'
    | 'getPath'
    | 'quit'
    | 'getVersion'
    | 'getAppPath'
    | 'setLoginItemSettings'
    | 'getLoginItemSettings'
    | 'setAppUserModelId'
    | 'isPackaged'
  >;
  BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => Electron.BrowserWindow;
  ipcMain: Pick<Electron.IpcMain, 'handle' | 'removeHandler' | 'removeAllListeners'>;
  safeStorage: Pick<Electron.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
  shell: Pick<Electron.Shell, 'openExternal'>;
  Tray: new (image: Electron.NativeImage | string) => Electron.Tray;
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate'>;
  nativeImage: Pick<typeof Electron.nativeImage, 'createFromDataURL'>;
  Notification: (new (options: Electron.NotificationConstructorOptions) => Electron.Notification) & { isSupported(): boolean };
  dialog: Pick<typeof Electron.dialog, 'showErrorBox'>;
  session: { defaultSession: Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> };
}
