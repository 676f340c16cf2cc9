/**
 * A small fake of the Electron APIs the shell uses (no Electron binary runs on the build
 * machines). It records what the shell asked for so tests can assert the wiring.
 */
import { EventEmitter } from 'node:events';

export class FakeWebContents extends EventEmitter {
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string | null = null;
  /** options of the last loadFile (e.g. { hash: '/schedules/1' }) */
  loadedOptions: { hash?: string } | undefined = undefined;
  visible = false;
  destroyed = false;
  constructor(public options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadFile(file: string, options?: { hash?: string }) {
    this.loaded = file;
    this.loadedOptions = options;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  /** simulates the user clicking the window's close button */
  userClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
    return !prevented;
  }
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  tooltip = '';
  menu: any[] = [];
  image: unknown;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.instances.push(this);
  }
  setToolTip(t: string) {
    this.tooltip = t;
  }
  setContextMenu(m: any[]) {
    this.menu = m;
  }
  setImage(i: unknown) {
    this.image = i;
  }
}

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static isSupported() {
    return true;
  }
  constructor(public options: { title: string; body: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

/** Electron's safeStorage backend names (Linux). */
type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface FakeElectronOptions {
  backend?: string;
  encryption?: boolean;
  lock?: boolean;
  /** what app.getLoginItemSettings() answers (macOS reports a login launch here) */
  loginItemState?: { openAtLogin?: boolean; wasOpenedAtLogin?: boolean; wasOpenedAsHidden?: boolean };
}

export function makeFakeElectron(userData: string, opts: FakeElectronOptions = {}) {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.shown = [];
  const handlers = new Map<string, (event: any, input: unknown) => Promise<unknown>>();
  /** ipcMain.on listeners (the app registers none; a library may) */
  const listeners = new EventEmitter();
  const appEvents = new EventEmitter();
  const calls = {
    quit: 0,
    openExternal: [] as string[],
    errorBoxes: [] as string[],
    permissionAnswers: [] as boolean[],
    loginItem: [] as { openAtLogin?: boolean; openAsHidden?: boolean; args?: string[] }[],
    appUserModelIds: [] as string[],
  };
  const fake = {
    app: {
      requestSingleInstanceLock: () => opts.lock ?? true,
      whenReady: () => Promise.resolve(),
      on: (e: string, fn: (...a: any[]) => void) => appEvents.on(e, fn),
      getPath: () => userData,
      quit: () => {
        calls.quit++;
      },
      getVersion: () => '9.9.9-test',
      getAppPath: () => process.cwd(),
      setLoginItemSettings: (settings: { openAtLogin?: boolean; openAsHidden?: boolean; args?: string[] }) => {
        calls.loginItem.push(settings);
      },
      getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false, ...opts.loginItemState }),
      setAppUserModelId: (id: string) => {
        calls.appUserModelIds.push(id);
      },
      isPackaged: false,
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: (event: any, input: unknown) => Promise<unknown>) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
      on: (channel: string, fn: (...a: any[]) => void) => listeners.on(channel, fn),
      removeAllListeners: (channel?: string) => listeners.removeAllListeners(channel),
    },
    safeStorage: {
      isEncryptionAvailable: () => opts.encryption ?? true,
      getSelectedStorageBackend: () => (opts.backend ?? 'gnome_libsecret') as StorageBackend,
      // a reversible scramble stands in for the OS keychain; the test checks no plaintext hits disk
      encryptString: (s: string) => Buffer.from(`ENC:${Buffer.from(s).toString('hex').split('').reverse().join('')}`),
      decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4).split('').reverse().join(''), 'hex').toString(),
    },
    shell: {
      openExternal: async (url: string) => {
        calls.openExternal.push(url);
      },
    },
    Tray: FakeTray,
    Menu: { buildFromTemplate: (t: any[]) => t },
    nativeImage: { createFromDataURL: (u: string) => ({ dataUrl: u }) },
    Notification: FakeNotification,
    dialog: { showErrorBox: (title: string, body: string) => calls.errorBoxes.push(`${title}: ${body}`) },
    session: {
      defaultSession: {
        permissionRequest: null as any,
        permissionCheck: null as any,
        setPermissionRequestHandler(fn: any) {
          this.permissionRequest = fn;
        },
        setPermissionCheckHandler(fn: any) {
          this.permissionCheck = fn;
        },
      },
    },
  };
  return { electron: fake, handlers, listeners, appEvents, calls };
}
