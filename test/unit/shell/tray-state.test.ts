/** The tray's pure parts: which icon and tooltip win (running > last error > paused > next run), and the menu per state. */
import { describe, expect, it } from 'vitest';
import { INITIAL_TRAY_STATE, trayIconKind, trayMenuTemplate, trayTooltip, type TrayState } from '../../../src-main/shell/tray';

const failed: TrayState['lastResult'] = { ok: false, label: '失敗 12/01 07:30', message: 'Bカートに接続できません。' };
const noop = () => undefined;
const actions = { open: noop, quit: noop, runNow: noop, openLastResult: noop, togglePause: noop };

describe('tray state', () => {
  it('running beats a last error, which beats paused, which beats the next run', () => {
    const s: TrayState = { ...INITIAL_TRAY_STATE, nextRunAt: '2026-12-01T19:00:00+09:00' };
    expect(trayTooltip(s)).toBe('BCart Desk — 次回の取込 12/01 19:00');
    expect(trayTooltip({ ...s, paused: true })).toBe('BCart Desk — スケジュール一時停止中');
    expect(trayTooltip({ ...s, paused: true, lastResult: failed })).toBe('BCart Desk — 前回の取込でエラー: Bカートに接続できません。');
    expect(trayTooltip({ ...s, running: true, lastResult: failed })).toBe('BCart Desk — 出荷取込処理を実行中です');
    expect(trayTooltip(INITIAL_TRAY_STATE)).toBe('BCart Desk');
    expect([trayIconKind(s), trayIconKind({ ...s, lastResult: failed }), trayIconKind({ ...s, running: true, lastResult: failed })]).toEqual(['normal', 'error', 'running']);
  });

  it('the menu follows the state; without scheduler actions it is 開く / 終了', () => {
    const labels = (st: TrayState) => trayMenuTemplate(actions, st).map((m) => m.label ?? '—');
    expect(labels(INITIAL_TRAY_STATE)).toEqual(['開く', '今すぐ取込', '最終結果: まだ実行していません', 'スケジュール一時停止', '—', '終了']);
    expect(labels({ ...INITIAL_TRAY_STATE, paused: true, running: true, lastResult: failed })).toEqual([
      '開く',
      '今すぐ取込（実行中）',
      '最終結果: 失敗 12/01 07:30',
      'スケジュール再開',
      '—',
      '終了',
    ]);
    expect(trayMenuTemplate({ open: noop, quit: noop }).map((m) => m.label ?? '—')).toEqual(['開く', '—', '終了']);
  });

  it('在庫反映: counts in the menu when something waits; failed or ambiguous items turn the icon red', () => {
    const withStock = { ...actions, openStockPush: noop };
    const labels = (st: TrayState) => trayMenuTemplate(withStock, st).map((m) => m.label ?? '—');
    expect(labels({ ...INITIAL_TRAY_STATE, stock: { pending: 0, failed: 0, ambiguous: 0 } })).not.toContain(expect.stringContaining('在庫反映'));
    const bad: TrayState = { ...INITIAL_TRAY_STATE, stock: { pending: 2, failed: 1, ambiguous: 1 } };
    expect(labels(bad)).toContain('在庫反映: 未送信 2・失敗 1・要確認 1');
    expect(trayIconKind(bad)).toBe('error');
    expect(trayTooltip(bad)).toBe('BCart Desk — 在庫反映で確認が必要な項目が 2 件あります');
    expect(trayIconKind({ ...INITIAL_TRAY_STATE, stock: { pending: 3, failed: 0, ambiguous: 0 } })).toBe('normal');
  });
});
