/**
 * Automatic updates with electron-updater (docs/release.md#auto-update). The decisions are plain
 * functions so they are tested without Electron:
 * - only the installed app updates itself (not `npm start`), and not when IT turned it off
 *   (BCART_DESK_UPDATES=off: updates handed out by the office's own software distribution);
 * - the feed is the one electron-builder wrote into app-update.yml at build time, `generic` over
 *   https only (no credentials in the URL);
 * - Windows: electron-updater checks the downloaded installer's Authenticode signature against
 *   `publisherName` — and silently skips the check when the name is missing, so without it there
 *   are no updates at all; macOS: Squirrel.Mac accepts only an update signed like the running app;
 *   every platform checks the file's sha512 from the feed's latest*.yml;
 * - no downgrades, no pre-releases, no web installer; download in the background, install when
 *   the app quits, or at once from the tray's 再起動して更新 — never in the middle of an import
 *   (the shell's clean shutdown runs first).
 * Errors (offline office, feed down) are logged, never shown: the app works without updates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { Logger } from '../core/ports';

/** The part of electron-updater's AppUpdater the shell uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  forceDevUpdateConfig: boolean;
  disableWebInstaller: boolean;
  logger: { info(m: unknown): void; warn(m: unknown): void; error(m: unknown): void; debug?(m: string): void } | null;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error, message?: string) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

/** app-update.yml as electron-builder writes it (the fields the decision reads). */
export interface UpdateFeedConfig {
  provider?: string;
  url?: string;
  publisherName?: string | string[];
}

export type UpdateDecision = { enabled: true; feed: string } | { enabled: false; reason: string };

/** How often a running app looks for a new version. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** The first check waits a little: start-up (migrations, the catch-up import) comes first. */
export const FIRST_CHECK_DELAY_MS = 60 * 1000;

/** Reads <resources>/app-update.yml; null when this build has no feed (or it cannot be read). */
export function readUpdateFeedConfig(file: string): UpdateFeedConfig | null {
  if (!existsSync(file)) return null;
  try {
    const doc = load(readFileSync(file, 'utf8'));
    return doc && typeof doc === 'object' ? (doc as UpdateFeedConfig) : null;
  } catch {
    return null;
  }
}

export function decideUpdates(input: {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  config: UpdateFeedConfig | null;
  env: Record<string, string | undefined>;
}): UpdateDecision {
  if (!input.isPackaged) return { enabled: false, reason: '開発用の起動では自動更新しません' };
  if ((input.env.BCART_DESK_UPDATES ?? '').toLowerCase() === 'off') return { enabled: false, reason: 'BCART_DESK_UPDATES=off (管理者が自動更新を止めています)' };
  const c = input.config;
  if (!c) return { enabled: false, reason: 'このビルドには更新の配信先 (app-update.yml) がありません' };
  if (c.provider !== 'generic') return { enabled: false, reason: `配信先の種類 ${String(c.provider)} には対応していません (generic のみ)` };
  let url: URL;
  try {
    url = new URL(String(c.url ?? ''));
  } catch {
    return { enabled: false, reason: '配信先の URL が正しくありません' };
  }
  if (url.protocol !== 'https:') return { enabled: false, reason: '配信先は https でなければなりません' };
  if (url.username || url.password) return { enabled: false, reason: '配信先の URL に認証情報を含めることはできません' };
  if (input.platform === 'win32') {
    const names = Array.isArray(c.publisherName) ? c.publisherName : c.publisherName ? [c.publisherName] : [];
    if (names.filter((n) => n.trim() !== '').length === 0) {
      return { enabled: false, reason: '発行元名 (publisherName) がないため、更新ファイルの署名を確かめられません' };
    }
  }
  if (input.platform === 'linux' && !input.env.APPIMAGE) return { enabled: false, reason: 'Linux では AppImage 版だけが自動更新できます' };
  return { enabled: true, feed: url.href };
}

/** The settings applied to electron-updater before the first check. */
export function configureUpdater(updater: Updater, logger: Logger): void {
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.forceDevUpdateConfig = false;
  updater.disableWebInstaller = true;
  const text = (m: unknown) => (m instanceof Error ? m.message : String(m));
  updater.logger = {
    info: (m) => logger.info(`[update] ${text(m)}`),
    warn: (m) => logger.warn(`[update] ${text(m)}`),
    error: (m) => logger.warn(`[update] ${text(m)}`),
    debug: (m) => logger.debug(`[update] ${m}`),
  };
}

export interface AutoUpdateDeps {
  updater: () => Updater;
  decision: UpdateDecision;
  logger: Logger;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** a downloaded version is waiting (the tray offers 再起動して更新) */
  onReady(version: string): void;
}

export interface AutoUpdate {
  /** the version installed at the next quit, if one was downloaded */
  readyVersion(): string | null;
  /** quits into the installer: call only after the app's own clean shutdown */
  installNow(): void;
  dispose(): void;
}

/** Starts checking for updates when the decision allows it (returns null otherwise). */
export function startAutoUpdate(deps: AutoUpdateDeps): AutoUpdate | null {
  const log = deps.logger.child('update');
  if (!deps.decision.enabled) {
    log.info('自動更新は行いません', { reason: deps.decision.reason });
    return null;
  }
  const updater = deps.updater();
  configureUpdater(updater, log);
  let ready: string | null = null;
  updater.on('error', (e) => log.warn('更新を確認できませんでした', { error: e instanceof Error ? e.message : String(e) }));
  updater.on('update-downloaded', (info) => {
    ready = info.version;
    log.info('更新をダウンロードしました', { version: info.version });
    deps.onReady(info.version);
  });
  const check = (): void => {
    void updater.checkForUpdates().catch((e: unknown) => log.warn('更新を確認できませんでした', { error: e instanceof Error ? e.message : String(e) }));
  };
  const first = deps.setTimeout(check, FIRST_CHECK_DELAY_MS);
  const every = deps.setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  log.info('自動更新を開始しました', { feed: deps.decision.feed });
  return {
    readyVersion: () => ready,
    installNow() {
      // isSilent false: the installer shows its progress; isForceRunAfter: the app starts again
      updater.quitAndInstall(false, true);
    },
    dispose() {
      deps.clearTimeout(first);
      deps.clearInterval(every);
    },
  };
}
