/**
 * The tray icon: the app keeps living there (scheduled imports run while the window is closed).
 * Menu: 開く / 今すぐ取込 / 最終結果 / スケジュール一時停止・再開 / 終了. The icon and tooltip show
 * whether an import is running, paused, or the last one failed. The menu is rebuilt from a plain
 * TrayState so it can be asserted without Electron.
 */
import type * as Electron from 'electron';
import type { ElectronApi } from './electron-api';

/** 16×16 PNGs so the tray works without shipping icon files: blue = normal, orange = running, red = last run failed. */
export const TRAY_ICONS = {
  normal:
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAHUlEQVR42mNkYPhfz0AEYBxVOKpwVOGowlGFgwoBAH2uAhFwKc4xAAAAAElFTkSuQmCC',
  running: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGUlEQVR42mN40MXwnxLMMGrAqAGjBgwXAwCr+2kfApmFswAAAABJRU5ErkJggg==',
  error: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGUlEQVR42mM4pqHxnxLMMGrAqAGjBgwXAwCV9hUfO4poUAAAAABJRU5ErkJggg==',
} as const;

export type TrayIconKind = keyof typeof TRAY_ICONS;

export interface TrayActions {
  open(): void;
  quit(): void;
  /** 今すぐ取込 */
  runNow?(): void;
  /** 最終結果: opens the window on the last run */
  openLastResult?(): void;
  /** スケジュール一時停止 / 再開 */
  togglePause?(): void;
  /** 在庫反映: opens the window on 在庫反映状況 */
  openStockPush?(): void;
}

/** What the tray shows. */
export interface TrayState {
  running: boolean;
  paused: boolean;
  /** 今すぐ取込 possible (a job exists, nothing running, not paused) */
  canRunNow: boolean;
  /** e.g. 「成功 11/26 07:30」 / 「失敗 11/26 07:30」 */
  lastResult: { ok: boolean; label: string; message: string } | null;
  /** '2026-11-26T07:30:00+09:00' */
  nextRunAt: string | null;
  /** 在庫反映 items waiting / failed / ambiguous (absent: not shown) */
  stock?: { pending: number; failed: number; ambiguous: number };
}

export const INITIAL_TRAY_STATE: TrayState = { running: false, paused: false, canRunNow: false, lastResult: null, nextRunAt: null };

/** 在庫反映 items that need a look (failed or ambiguous). */
const stockAttention = (s: TrayState): number => (s.stock ? s.stock.failed + s.stock.ambiguous : 0);

const shortTime = (iso: string): string => `${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 16)}`;

export function trayMenuTemplate(actions: TrayActions, state: TrayState = INITIAL_TRAY_STATE): Electron.MenuItemConstructorOptions[] {
  const items: Electron.MenuItemConstructorOptions[] = [{ label: '開く', click: () => actions.open() }];
  if (actions.runNow) {
    items.push({ label: state.running ? '今すぐ取込（実行中）' : '今すぐ取込', enabled: state.canRunNow, click: () => actions.runNow?.() });
  }
  if (actions.openLastResult) {
    items.push({
      label: state.lastResult ? `最終結果: ${state.lastResult.label}` : '最終結果: まだ実行していません',
      enabled: state.lastResult !== null,
      click: () => actions.openLastResult?.(),
    });
  }
  if (actions.togglePause) {
    items.push({ label: state.paused ? 'スケジュール再開' : 'スケジュール一時停止', click: () => actions.togglePause?.() });
  }
  const st = state.stock;
  if (actions.openStockPush && st && st.pending + st.failed + st.ambiguous > 0) {
    items.push({ label: `在庫反映: 未送信 ${st.pending}・失敗 ${st.failed}・要確認 ${st.ambiguous}`, click: () => actions.openStockPush?.() });
  }
  items.push({ type: 'separator' }, { label: '終了', click: () => actions.quit() });
  return items;
}

/** Tooltip: running, paused, last error, or the next run. */
export function trayTooltip(state: TrayState): string {
  if (state.running) return 'BCart Desk — 出荷取込処理を実行中です';
  if (state.lastResult && !state.lastResult.ok) return `BCart Desk — 前回の取込でエラー: ${state.lastResult.message.slice(0, 80)}`;
  if (stockAttention(state) > 0) return `BCart Desk — 在庫反映で確認が必要な項目が ${stockAttention(state)} 件あります`;
  if (state.paused) return 'BCart Desk — スケジュール一時停止中';
  return state.nextRunAt ? `BCart Desk — 次回の取込 ${shortTime(state.nextRunAt)}` : 'BCart Desk';
}

export function trayIconKind(state: TrayState): TrayIconKind {
  if (state.running) return 'running';
  return (state.lastResult && !state.lastResult.ok) || stockAttention(state) > 0 ? 'error' : 'normal';
}

export interface TrayHandle {
  tray: Electron.Tray;
  update(state: TrayState): void;
}

export function createTray(electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>, actions: TrayActions): Electron.Tray {
  return createTrayHandle(electron, actions).tray;
}

/** Creates the tray with a state-driven menu; update() redraws menu, tooltip and icon. */
export function createTrayHandle(electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>, actions: TrayActions): TrayHandle {
  const tray = new electron.Tray(electron.nativeImage.createFromDataURL(TRAY_ICONS.normal));
  let icon: TrayIconKind = 'normal';
  const update = (state: TrayState): void => {
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenuTemplate(actions, state)));
    const kind = trayIconKind(state);
    if (kind !== icon) {
      icon = kind;
      tray.setImage(electron.nativeImage.createFromDataURL(TRAY_ICONS[kind]));
    }
  };
  update(INITIAL_TRAY_STATE);
  tray.on('click', () => actions.open());
  return { tray, update };
}
