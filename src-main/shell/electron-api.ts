/**
 * The part of Electron's API the shell uses, as an injected object: main.ts passes the real
 * module, the tests pass a strict fake (test/helpers/fake-electron.ts; no Electron binary can run
 * on the build machines).
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
    | 'exit'
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
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  nativeImage: Pick<typeof Electron.nativeImage, 'createFromPath'>;
  Notification: (new (options: Electron.NotificationConstructorOptions) => Electron.Notification) & { isSupported(): boolean };
  dialog: Pick<typeof Electron.dialog, 'showErrorBox' | 'showMessageBox'>;
  session: { defaultSession: Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> };
  protocol: Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  /** Chromium's network stack: the system proxy / PAC and the OS certificate store */
  net: Pick<Electron.Net, 'fetch'>;
  powerMonitor: Pick<Electron.PowerMonitor, 'on'>;
}
