/**
 * 「ログイン時に起動」: the app starts with the OS session so scheduled imports run without anyone
 * opening it. The choice is kept in app_state; only the desktop shell can apply it (it injects the
 * LoginItemPort), so the harness and the CLI report it as unsupported.
 */
import { AppError } from '../../../src-shared/errors';
import type { AppStateRepository } from '../app-state/app-state-repository';
import type { LoginItemPort } from '../ports';

export interface LoginItemState {
  supported: boolean;
  openAtLogin: boolean;
}

export function createLoginItem(appState: AppStateRepository, port: LoginItemPort | undefined, now: () => string) {
  const stored = (): boolean => appState.flag('app.openAtLogin');
  return {
    state: (): LoginItemState => ({ supported: port !== undefined, openAtLogin: stored() }),
    /** Re-applies the stored choice to the OS (the shell's start: an update may have reset it). */
    applyStored(): void {
      port?.(stored());
    },
    /** Saves and applies the choice; FORBIDDEN outside the desktop app. */
    set(openAtLogin: boolean): LoginItemState {
      if (!port) throw new AppError('FORBIDDEN', '「ログイン時に起動」はデスクトップアプリでのみ設定できます。');
      port(openAtLogin);
      appState.setFlag('app.openAtLogin', openAtLogin, now());
      return { supported: true, openAtLogin };
    },
  };
}

export type LoginItem = ReturnType<typeof createLoginItem>;
