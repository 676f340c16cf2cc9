/**
 * 「ログイン時に起動」 starts the app hidden: it is there for the scheduled imports, so it sits in
 * the tray instead of opening a window at every sign-in (the tray's 開く shows it).
 * Windows marks the login launch with a command-line argument; macOS reports it through
 * getLoginItemSettings (openAsHidden / wasOpenedAsHidden on the macOS versions that still honour
 * them, wasOpenedAtLogin on the ones whose SMAppService dropped them).
 */
import type * as Electron from 'electron';

/** The argument the Windows Run entry passes; its presence means "started at sign-in". */
export const HIDDEN_ARG = '--hidden';

/** Windows AppUserModelID = electron-builder.yml appId; toasts are attributed by it. */
export const APP_USER_MODEL_ID = 'jp.bcartdesk.app';

/** Settings fields Electron's typings dropped but older macOS still honours. */
type LegacyLoginSettings = Electron.Settings & { openAsHidden?: boolean };
type LegacyLoginItemState = Partial<Electron.LoginItemSettings> & { wasOpenedAsHidden?: boolean };

/** What app.setLoginItemSettings receives for the user's choice. */
export function loginItemSettingsFor(openAtLogin: boolean): Electron.Settings {
  const settings: LegacyLoginSettings = { openAtLogin, openAsHidden: true, args: [HIDDEN_ARG] };
  return settings;
}

/**
 * True when this launch came from the login item, so the window stays hidden.
 * `getSettings` may throw or be missing on platforms without login items: then only argv counts.
 */
export function launchedHidden(argv: readonly string[], getSettings: (() => LegacyLoginItemState) | undefined): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  try {
    const s = getSettings?.();
    return s?.wasOpenedAsHidden === true || s?.wasOpenedAtLogin === true;
  } catch {
    return false;
  }
}
