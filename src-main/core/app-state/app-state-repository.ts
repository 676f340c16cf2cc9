/**
 * app_state: small facts about this installation that survive restarts (受付停止, the schedules'
 * 一時停止, 「ログイン時に起動」, first-run seeding). Never secrets.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/db-handle';
import { appState } from '../db/schema';

/** Every key the app keeps; a new fact gets its name here. */
export type AppStateKey =
  | 'store.closed'
  | 'schedule.paused'
  | 'schedule.companyHolidays'
  | 'app.openAtLogin'
  | 'seed.v1'
  | 'receivables.billing-terms.v1'
  | 'subscriptions.sale-prices.v1'
  | 'backups.retention';

export function createAppStateRepository(db: Db) {
  const { orm } = db;
  const get = (key: AppStateKey): string | null => orm.select({ value: appState.value }).from(appState).where(eq(appState.key, key)).get()?.value ?? null;
  const set = (key: AppStateKey, value: string, now: string): void => {
    orm.insert(appState).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: now } }).run();
  };
  return {
    get,
    set,
    /** a yes/no fact stored as '1' / '0' (absent = no) */
    flag: (key: AppStateKey): boolean => get(key) === '1',
    setFlag: (key: AppStateKey, on: boolean, now: string): void => set(key, on ? '1' : '0', now),
  };
}

export type AppStateRepository = ReturnType<typeof createAppStateRepository>;
