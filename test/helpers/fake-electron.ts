/**
 * A strict fake of the Electron APIs the shell uses (no Electron binary runs on the build
 * machines). It records what the shell asked for so tests can assert the wiring, and it refuses
 * what the real Electron would silently get wrong on a customer's PC:
 * - images: nativeImage decodes every PNG (CRC, zlib, exact size: test/helpers/png-decode.ts),
 *   loads `name@2x.png` beside `name.png` the way Electron does and checks it is exactly twice the
 *   size; a Tray given an empty or undecodable image throws (the real one shows nothing);
 * - notifications: only a WeakRef to each Notification is kept, as the OS keeps none to the JS
 *   object; `collectGarbage()` runs V8's collector, after which a notification nobody holds
 *   cannot be clicked any more (`clickNotification` answers 'collected');
 * - shutdown: `osShutdown()` emits what Windows (`session-end` on each window) or macOS / Linux
 *   (`powerMonitor` `shutdown`) emit — never `before-quit` / `will-quit` — and then the process is
 *   gone: whatever was not done synchronously is not done;
 * - pages: `loadFile` produces the URL Chromium reports for the frame (Electron formats the path
 *   with the legacy url.format, which leaves `%` alone, then Chromium upper-cases a Windows drive
 *   letter and turns `\` into `/`); `loadURL` of a custom scheme works only when the scheme was
 *   registered as privileged before `ready` and a handler serves the page;
 * - windows: every method of a destroyed window throws, as Electron's do;
 * - `app.quit()` emits `before-quit`, `will-quit` and `quit` like the real one.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, posix, resolve as resolvePath, win32 } from 'node:path';
import { format as legacyFormat } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodePng, PngError } from './png-decode';

// ---------------------------------------------------------------------------------------------
// URLs as Chromium reports them

/**
 * The URL a frame reports after `loadFile(path)`: Electron builds it with url.format (legacy:
 * `%` and spaces are left as they are), Chromium's canonicaliser then escapes spaces, turns
 * backslashes into slashes and upper-cases a Windows drive letter.
 */
export function chromiumFileUrl(absPath: string, opts: { hash?: string; search?: string } = {}): string {
  const formatted = legacyFormat({ protocol: 'file', slashes: true, pathname: absPath, ...(opts.search ? { search: opts.search } : {}), ...(opts.hash ? { hash: opts.hash } : {}) });
  return canonicalUrl(formatted);
}

/** Chromium-like canonicalisation of the few things the tests meet. */
export function canonicalUrl(raw: string): string {
  if (/^file:/i.test(raw)) {
    let rest = raw.replace(/^file:\/*/i, '').replace(/\\/g, '/').replace(/ /g, '%20');
    rest = rest.replace(/^([a-zA-Z])(:|%3A|\|)/, (_m, d: string) => `${d.toUpperCase()}:`);
    return `file:///${rest}`;
  }
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(raw);
  if (!m) return raw;
  // a standard scheme's host is case-insensitive: Chromium lower-cases it
  return `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${new URL(`x://h${m[3] || '/'}`).href.slice('x://h'.length)}`;
}

// ---------------------------------------------------------------------------------------------
// nativeImage

export class FakeNativeImage {
  /** scale factor → pixel size of that representation */
  readonly representations = new Map<number, { width: number; height: number; rgba: Buffer }>();
  private template = false;
  constructor(
    readonly source: string,
    readonly problem: string | null = null,
  ) {}
  isEmpty(): boolean {
    return this.representations.size === 0;
  }
  /** size in device-independent pixels (the 1× representation) */
  getSize(): { width: number; height: number } {
    const one = this.representations.get(1);
    return one ? { width: one.width, height: one.height } : { width: 0, height: 0 };
  }
  getScaleFactors(): number[] {
    return [...this.representations.keys()].sort();
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  setTemplateImage(v: boolean): void {
    this.template = v;
  }
}

function decodeInto(image: FakeNativeImage, buf: Buffer, scale: number): string | null {
  try {
    const png = decodePng(buf);
    image.representations.set(scale, png);
    return null;
  } catch (e) {
    if (e instanceof PngError) return e.message;
    throw e;
  }
}

function makeNativeImage(platform: NodeJS.Platform, loaded: FakeNativeImage[]) {
  const record = (img: FakeNativeImage) => {
    loaded.push(img);
    return img;
  };
  return {
    createEmpty: () => record(new FakeNativeImage('empty')),
    createFromBuffer: (buf: Buffer) => {
      const probe = new FakeNativeImage('buffer');
      const problem = decodeInto(probe, buf, 1);
      return record(problem ? new FakeNativeImage('buffer', problem) : probe);
    },
    createFromDataURL: (url: string) => {
      const m = /^data:image\/png;base64,(.*)$/.exec(url);
      if (!m) return record(new FakeNativeImage('data-url', 'not a PNG data URL'));
      const probe = new FakeNativeImage('data-url');
      const problem = decodeInto(probe, Buffer.from(m[1]!, 'base64'), 1);
      return record(problem ? new FakeNativeImage('data-url', problem) : probe);
    },
    /** Electron: a missing or undecodable file gives an empty image (no exception) */
    createFromPath: (path: string) => {
      if (!existsSync(path)) return record(new FakeNativeImage(path, 'file not found'));
      const img = new FakeNativeImage(path);
      const problem = decodeInto(img, readFileSync(path), 1);
      if (problem) return record(new FakeNativeImage(path, problem));
      // Electron loads name@2x.ext (and @3x) beside name.ext as the high-DPI representations
      const ext = extname(path);
      const stem = join(dirname(path), basename(path, ext));
      for (const scale of [2, 3]) {
        const hi = `${stem}@${scale}x${ext}`;
        if (!existsSync(hi)) continue;
        const p = decodeInto(img, readFileSync(hi), scale);
        if (p) return record(new FakeNativeImage(path, `${basename(hi)}: ${p}`));
        const one = img.representations.get(1)!;
        const r = img.representations.get(scale)!;
        if (r.width !== one.width * scale || r.height !== one.height * scale) {
          return record(new FakeNativeImage(path, `${basename(hi)} is ${r.width}×${r.height}, expected ${one.width * scale}×${one.height * scale}`));
        }
      }
      // macOS: a file name ending in "Template" makes a template image (tinted by the menu bar)
      if (platform === 'darwin' && /Template$/.test(basename(path, ext))) img.setTemplateImage(true);
      return record(img);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// windows and pages

const destroyedError = () => new TypeError('Object has been destroyed');

export interface FakeFrame {
  url: string;
  origin: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  mainFrame: FakeFrame = { url: '', origin: 'null', parent: null };
  destroyed = false;
  loading = false;
  reloads = 0;
  devToolsOpened = 0;
  private guard(): void {
    if (this.destroyed) throw destroyedError();
  }
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.guard();
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown) {
    this.guard();
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    this.guard();
    return this.mainFrame.url;
  }
  isLoading(): boolean {
    this.guard();
    return this.loading;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  reload(): void {
    this.guard();
    this.reloads++;
  }
  openDevTools(): void {
    this.guard();
    this.devToolsOpened++;
  }
  /** what a page does when the user follows a link or a script sets location: true = allowed */
  navigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    if (!prevented) this.setUrl(url);
    return !prevented;
  }
  setUrl(url: string): void {
    const canon = canonicalUrl(url);
    let origin = 'null';
    try {
      const u = new URL(canon);
      origin = u.protocol === 'file:' ? 'file://' : `${u.protocol}//${u.host}`;
    } catch {
      /* opaque */
    }
    this.mainFrame = { url: canon, origin, parent: null };
  }
}

export interface FakeLoad {
  url: string;
  status: number | 'failed';
  problem?: string;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** set by makeFakeElectron: what the window needs from the fake app */
  static env: {
    platform: NodeJS.Platform;
    appPath: () => string;
    serve: (url: string) => Promise<FakeLoad>;
    created: (wc: FakeWebContents) => void;
    loads: FakeLoad[];
  };
  webContents = new FakeWebContents();
  /** absolute path of the last loadFile */
  loaded: string | null = null;
  /** options of the last loadFile (e.g. { hash: '/schedules/1' }) */
  loadedOptions: { hash?: string; query?: Record<string, string> } | undefined = undefined;
  visible = false;
  destroyed = false;
  minimized = false;
  constructor(public options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.env.created(this.webContents);
  }
  private guard(): void {
    if (this.destroyed) throw destroyedError();
  }
  /** the load in progress (tests await it: a real page also loads after loadURL returns) */
  pendingLoad: Promise<void> = Promise.resolve();
  loadURL(url: string): Promise<void> {
    this.guard();
    this.webContents.loading = true;
    this.pendingLoad = (async () => {
      const result = await FakeBrowserWindow.env.serve(url);
      FakeBrowserWindow.env.loads.push(result);
      this.webContents.loading = false;
      if (result.status !== 200) {
        this.webContents.emit('did-fail-load', {}, -6, result.problem ?? `HTTP ${result.status}`, url, true);
        throw new Error(`ERR_FAILED (-6) loading '${url}': ${result.problem ?? result.status}`);
      }
      this.webContents.setUrl(url);
      this.webContents.emit('did-finish-load');
    })();
    return this.pendingLoad;
  }
  loadFile(file: string, options?: { hash?: string; query?: Record<string, string> }) {
    this.guard();
    const path = FakeBrowserWindow.env.platform === 'win32' ? win32.resolve(FakeBrowserWindow.env.appPath(), file) : posix.resolve(FakeBrowserWindow.env.appPath(), file);
    this.loaded = path;
    this.loadedOptions = options;
    const search = options?.query ? `?${new URLSearchParams(options.query).toString()}` : undefined;
    this.webContents.setUrl(chromiumFileUrl(path, { ...(options?.hash ? { hash: options.hash } : {}), ...(search ? { search } : {}) }));
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    this.guard();
    return this.minimized;
  }
  isVisible() {
    this.guard();
    return this.visible;
  }
  restore() {
    this.guard();
    this.minimized = false;
  }
  show() {
    this.guard();
    this.visible = true;
  }
  hide() {
    this.guard();
    this.visible = false;
  }
  focus() {
    this.guard();
  }
  reload() {
    this.guard();
    this.webContents.reload();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  /** simulates the user clicking the window's close button */
  userClose(): boolean {
    this.guard();
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
    return !prevented;
  }
}

// ---------------------------------------------------------------------------------------------
// tray and notifications

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  /** set by makeFakeElectron */
  static nativeImage: ReturnType<typeof makeNativeImage>;
  tooltip = '';
  menu: any[] = [];
  image: FakeNativeImage;
  destroyed = false;
  constructor(image: FakeNativeImage | string) {
    super();
    this.image = FakeTray.checked(typeof image === 'string' ? FakeTray.nativeImage.createFromPath(image) : image);
    FakeTray.instances.push(this);
  }
  /** the real tray shows nothing for an empty image: here it is an error */
  static checked(image: FakeNativeImage): FakeNativeImage {
    if (!(image instanceof FakeNativeImage)) throw new TypeError('Tray needs a NativeImage or a path');
    if (image.isEmpty()) throw new Error(`tray image is empty (${image.source}: ${image.problem ?? 'no pixels'}) — the icon would be invisible`);
    return image;
  }
  private guard(): void {
    if (this.destroyed) throw destroyedError();
  }
  setToolTip(t: string) {
    this.guard();
    this.tooltip = t;
  }
  setContextMenu(m: any[]) {
    this.guard();
    this.menu = m;
  }
  setImage(i: FakeNativeImage) {
    this.guard();
    this.image = FakeTray.checked(i);
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  /** the user clicks a menu item by its label (prefix); false when it is missing or disabled */
  clickItem(prefix: string): boolean {
    const item = this.menu.find((m) => typeof m.label === 'string' && m.label.startsWith(prefix));
    if (!item || item.enabled === false || this.destroyed) return false;
    item.click?.();
    return true;
  }
}

export interface NotificationRecord {
  options: { title: string; body: string };
  shown: boolean;
  /** the OS holds no reference to the JS object */
  ref: WeakRef<FakeNotification>;
}

export class FakeNotification extends EventEmitter {
  /** set by makeFakeElectron */
  static records: NotificationRecord[] = [];
  static isSupported() {
    return true;
  }
  private readonly record: NotificationRecord;
  constructor(options: { title: string; body: string }) {
    super();
    this.record = { options: { title: options.title, body: options.body }, shown: false, ref: new WeakRef(this) };
    FakeNotification.records.push(this.record);
  }
  show() {
    this.record.shown = true;
  }
  close() {
    this.emit('close', {});
  }
  /** kept for tests written before the records: the options of every shown notification */
  static get shown(): { options: { title: string; body: string } }[] {
    return FakeNotification.records.filter((r) => r.shown);
  }
}

/** Node's fetch as it was when the fake was loaded (tests may replace the global to catch direct use). */
const nodeFetch = globalThis.fetch;

let gcFn: (() => void) | null = null;
/** V8's collector (exposed at run time; vitest does not pass --expose-gc). */
function v8Gc(): () => void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  return gcFn;
}

// ---------------------------------------------------------------------------------------------
// the whole fake

/** Electron's safeStorage backend names (Linux). */
type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface FakeElectronOptions {
  backend?: string;
  encryption?: boolean;
  lock?: boolean;
  /** what app.getLoginItemSettings() answers (macOS reports a login launch here) */
  loginItemState?: { openAtLogin?: boolean; wasOpenedAtLogin?: boolean; wasOpenedAsHidden?: boolean };
  /** the platform the fake behaves as (paths, shutdown events, template images); default linux */
  platform?: NodeJS.Platform;
  /** app.isPackaged (default false) */
  isPackaged?: boolean;
  /** app.getAppPath() (default process.cwd()) */
  appPath?: string;
  /** the answer of dialog.showMessageBox (button index; default 0) */
  messageBoxResponse?: number;
}

interface CustomScheme {
  scheme: string;
  privileges?: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; bypassCSP?: boolean; corsEnabled?: boolean; stream?: boolean };
}

export function makeFakeElectron(userData: string, opts: FakeElectronOptions = {}) {
  const platform = opts.platform ?? 'linux';
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.records = [];
  const loadedImages: FakeNativeImage[] = [];
  const nativeImage = makeNativeImage(platform, loadedImages);
  FakeTray.nativeImage = nativeImage;
  const handlers = new Map<string, (event: any, input: unknown) => Promise<unknown>>();
  /** ipcMain.on listeners (the app registers none; a library may) */
  const listeners = new EventEmitter();
  const appEvents = new EventEmitter();
  const powerMonitor = new EventEmitter();
  const schemes = new Map<string, CustomScheme['privileges']>();
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  let ready = false;
  let exited = false;
  const calls = {
    quit: 0,
    exit: [] as number[],
    openExternal: [] as string[],
    errorBoxes: [] as string[],
    messageBoxes: [] as { title?: string; message: string; detail?: string; buttons?: string[] }[],
    permissionAnswers: [] as boolean[],
    loginItem: [] as { openAtLogin?: boolean; openAsHidden?: boolean; args?: string[] }[],
    appUserModelIds: [] as string[],
    netFetch: [] as string[],
    applicationMenu: null as any[] | null,
    loads: [] as FakeLoad[],
  };

  const serve = async (url: string): Promise<FakeLoad> => {
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase() ?? '';
    if (scheme === 'file') return { url, status: 200 };
    const handler = protocolHandlers.get(scheme);
    if (!handler) return { url, status: 'failed', problem: `no handler for ${scheme}:` };
    if (!schemes.get(scheme)?.standard) return { url, status: 'failed', problem: `${scheme}: was not registered as a standard scheme before ready` };
    const res = await handler(new Request(canonicalUrl(url)));
    return res.status === 200 ? { url, status: 200 } : { url, status: res.status, problem: `HTTP ${res.status}` };
  };

  FakeBrowserWindow.env = {
    platform,
    appPath: () => fake.app.getAppPath(),
    serve,
    created: (wc) => appEvents.emit('web-contents-created', {}, wc),
    loads: calls.loads,
  };

  const app = {
    on: (e: string, fn: (...a: any[]) => void) => (appEvents.on(e, fn), app),
    once: (e: string, fn: (...a: any[]) => void) => (appEvents.once(e, fn), app),
    off: (e: string, fn: (...a: any[]) => void) => (appEvents.off(e, fn), app),
    removeListener: (e: string, fn: (...a: any[]) => void) => (appEvents.off(e, fn), app),
    requestSingleInstanceLock: () => opts.lock ?? true,
    whenReady: () => {
      ready = true;
      return Promise.resolve();
    },
    isReady: () => ready,
    getPath: (_name?: string) => userData,
    /** like Electron: before-quit (preventable), will-quit (preventable), quit */
    quit: () => {
      calls.quit++;
      let prevented = false;
      appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      appEvents.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      appEvents.emit('quit', {}, 0);
      exited = true;
    },
    /** quits at once, without before-quit / will-quit */
    exit: (code = 0) => {
      calls.exit.push(code);
      exited = true;
    },
    getVersion: () => '9.9.9-test',
    getAppPath: () => opts.appPath ?? process.cwd(),
    name: 'BCart Desk',
    getName: () => 'BCart Desk',
    setLoginItemSettings: (settings: { openAtLogin?: boolean; openAsHidden?: boolean; args?: string[] }) => {
      calls.loginItem.push(settings);
    },
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false, ...opts.loginItemState }),
    setAppUserModelId: (id: string) => {
      calls.appUserModelIds.push(id);
    },
    isPackaged: opts.isPackaged ?? false,
  };

  const fake = {
    app,
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
    Menu: {
      buildFromTemplate: (t: any[]) => t,
      setApplicationMenu: (m: any[] | null) => {
        calls.applicationMenu = m;
      },
    },
    nativeImage,
    Notification: FakeNotification,
    dialog: {
      showErrorBox: (title: string, body: string) => calls.errorBoxes.push(`${title}: ${body}`),
      showMessageBox: async (...args: any[]) => {
        const o = (args.length > 1 ? args[1] : args[0]) as { title?: string; message: string; detail?: string; buttons?: string[] };
        calls.messageBoxes.push(o);
        return { response: opts.messageBoxResponse ?? 0, checkboxChecked: false };
      },
    },
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
    protocol: {
      registerSchemesAsPrivileged: (list: CustomScheme[]) => {
        if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        for (const s of list) schemes.set(s.scheme, s.privileges ?? {});
      },
      handle: (scheme: string, fn: (request: Request) => Response | Promise<Response>) => {
        if (!ready) throw new Error('protocol.handle cannot be used before the app is ready');
        if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
        protocolHandlers.set(scheme, fn);
      },
      unhandle: (scheme: string) => {
        protocolHandlers.delete(scheme);
      },
      isProtocolHandled: (scheme: string) => protocolHandlers.has(scheme),
    },
    net: {
      /** Chromium's network stack in the real app; here Node's fetch, recorded */
      fetch: (input: string | URL | Request, init?: RequestInit) => {
        calls.netFetch.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        return nodeFetch(input, init);
      },
    },
    powerMonitor: Object.assign(powerMonitor, {}),
  };

  return {
    electron: fake,
    handlers,
    listeners,
    appEvents,
    calls,
    platform,
    loadedImages,
    schemes,
    get exited() {
      return exited;
    },
    /** the main window's frame, as Chromium reports it (the sender of the app's own IPC calls) */
    mainFrame(): FakeFrame {
      const win = FakeBrowserWindow.instances[0];
      if (!win) throw new Error('no window');
      return win.webContents.mainFrame;
    },
    /** an IPC call from a frame (default: the main window's page) */
    async invoke(channel: string, input: unknown = {}, frame?: FakeFrame | null): Promise<any> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      const f = frame === undefined ? this.mainFrame() : frame;
      return handler({ senderFrame: f, sender: FakeBrowserWindow.instances[0]?.webContents }, input);
    },
    /** a request to a custom protocol, as the page's loader would make it */
    async request(url: string): Promise<Response> {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
      const handler = protocolHandlers.get(scheme);
      if (!handler) throw new Error(`no handler for ${scheme}:`);
      return handler(new Request(canonicalUrl(url)));
    },
    /** runs V8's garbage collector (after the current job, so WeakRefs may be cleared) */
    async collectGarbage(): Promise<void> {
      await new Promise((r) => setImmediate(r));
      v8Gc()();
      await new Promise((r) => setImmediate(r));
    },
    /** the user clicks the i-th notification (in the OS's notification centre) */
    clickNotification(i: number): 'clicked' | 'collected' {
      const n = FakeNotification.records[i]?.ref.deref();
      if (!n) return 'collected';
      n.emit('click', {});
      return 'clicked';
    },
    /**
     * The OS ends the session. Windows: each window gets `session-end`; macOS / Linux: powerMonitor
     * `shutdown`. No before-quit / will-quit. The process is killed right after the handlers return.
     */
    osShutdown(reasons: ('shutdown' | 'logoff')[] = ['shutdown']): void {
      if (platform === 'win32') {
        for (const w of FakeBrowserWindow.instances) if (!w.destroyed) w.emit('session-end', { reasons, preventDefault: () => undefined });
      } else {
        powerMonitor.emit('shutdown', { preventDefault: () => undefined });
      }
      exited = true;
    },
    /** another web contents the app did not create itself (a DevTools window, a webview) */
    otherWebContents(): FakeWebContents {
      const wc = new FakeWebContents();
      appEvents.emit('web-contents-created', {}, wc);
      return wc;
    },
    windowsPath: platform === 'win32' ? win32 : posix,
    resolvePath,
  };
}
