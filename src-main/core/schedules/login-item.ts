/**
 * 「ログイン時に起動」: the app starts with the OS session so scheduled imports run without anyone
 * opening it. The choice is kept in app_state; only the desktop shell can apply it (it registers
 * the port), so the harness and the CLI report it as unsupported.
 */
import { AppError } from '../../../src-shared/errors';
import type { CoreContext } from '../core-context';

const KEY = 'app.openAtLogin';

/** Applies the choice to the OS (Electron's app.setLoginItemSettings). */
export type LoginItemPort = (openAtLogin: boolean) => void;

const ports = new WeakMap<CoreContext, LoginItemPort>();

function stored(ctx: CoreContext): boolean {
  const r = ctx.db.prepare('select value from app_state where key = ?').get(KEY) as { value: string } | undefined;
  return r?.value === '1';
}

/** Called by the shell at start: registers the port and re-applies the stored choice. */
export function registerLoginItem(ctx: CoreContext, port: LoginItemPort): void {
  ports.set(ctx, port);
  port(stored(ctx));
}

export function loginItemState(ctx: CoreContext): { supported: boolean; openAtLogin: boolean } {
  return { supported: ports.has(ctx), openAtLogin: stored(ctx) };
}

/** Saves and applies the choice; FORBIDDEN outside the desktop app. */
export function setOpenAtLogin(ctx: CoreContext, openAtLogin: boolean): { supported: boolean; openAtLogin: boolean } {
  const port = ports.get(ctx);
  if (!port) throw new AppError('FORBIDDEN', '「ログイン時に起動」はデスクトップアプリでのみ設定できます。');
  port(openAtLogin);
  ctx.db
    .prepare('insert into app_state (key, value, updated_at) values (?, ?, ?) on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at')
    .run(KEY, openAtLogin ? '1' : '0', ctx.now());
  return { supported: true, openAtLogin };
}
