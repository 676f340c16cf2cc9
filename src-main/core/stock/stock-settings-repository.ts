/**
 * Per-EC連携設定 stock records: the write route option (stock_settings), the one-time 在庫移行
 * record (stock_migrations, UNIQUE per setting) and the stock lines of システムログ (source 'stock').
 */
import { eq } from 'drizzle-orm';
import type { PushRoute } from '../../../src-shared/stock/stock-push';
import { stockMigrations, stockSettings, systemLogs } from '../db/schema';
import type { Db } from '../db/db-handle';

export function createStockSettingsRepository(db: Db) {
  const orm = db.orm;
  return {
    pushRoute(settingId: number): PushRoute {
      return (
        orm.select({ r: stockSettings.pushRoute }).from(stockSettings).where(eq(stockSettings.ecSettingId, settingId)).get()?.r ??
        'product_sets'
      );
    },
    setPushRoute(settingId: number, route: PushRoute, now: string): void {
      orm
        .insert(stockSettings)
        .values({ ecSettingId: settingId, pushRoute: route, updatedAt: now })
        .onConflictDoUpdate({ target: stockSettings.ecSettingId, set: { pushRoute: route, updatedAt: now } })
        .run();
    },
    migration(settingId: number) {
      return orm.select().from(stockMigrations).where(eq(stockMigrations.ecSettingId, settingId)).get();
    },
    /** Records 在庫移行; the UNIQUE index makes a concurrent second apply fail inside its transaction. */
    insertMigration(settingId: number, date: string, rows: number, now: string): number {
      return orm
        .insert(stockMigrations)
        .values({ ecSettingId: settingId, date, rows, appliedAt: now })
        .returning({ id: stockMigrations.id })
        .get().id;
    },
    log(level: 'info' | 'warn' | 'error', code: string, message: string, now: string): void {
      orm.insert(systemLogs).values({ runId: null, source: 'stock', level, orderCode: null, code, message, createdAt: now }).run();
    },
  };
}
export type StockSettingsRepository = ReturnType<typeof createStockSettingsRepository>;
