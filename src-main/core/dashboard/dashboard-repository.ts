/** Read-only counts for ホーム's setup and import tiles (one statement each, indexed). */
import type { DashboardImport, DashboardSetup, DashboardStock } from '../../../src-shared/dashboard/dashboard';
import type { Db } from '../db/db-handle';

export function createDashboardRepository(db: Db) {
  const { sqlite } = db;
  return {
    setup(): DashboardSetup {
      const r = sqlite
        .prepare(
          `select (select count(*) from departments) as departments,
             (select count(*) from partners where kind = '得意先') as customers,
             (select count(*) from partners where kind = '倉庫') as warehouses,
             (select count(*) from products) as products,
             (select count(*) from ec_settings) as ecSettings`,
        )
        .get() as Omit<DashboardSetup, 'firstRun'>;
      return { ...r, firstRun: r.ecSettings === 0 && r.departments === 0 };
    },

    /** The last 在庫照合 of every setting with a 連携倉庫 (written by the stock feature's settings repository). */
    reconciles(): DashboardStock['reconcile'] {
      return sqlite
        .prepare(
          `select e.id as settingId, e.name as name, s.reconciled_at as readAt,
             coalesce(s.reconcile_checked, 0) as checked, coalesce(s.reconcile_drifted, 0) as drifted
           from ec_settings e left join stock_settings s on s.ec_setting_id = e.id
           where e.warehouse_id is not null order by e.id`,
        )
        .all() as DashboardStock['reconcile'];
    },

    /** API呼び出し上限 of a setting (0 for an unknown id: the first window's start then answers NOT_FOUND) */
    rateBudget(settingId: number): number {
      return (sqlite.prepare('select rate_budget as n from ec_settings where id = ?').get(settingId) as { n: number } | undefined)?.n ?? 0;
    },

    cursor(settingId: number): string | null {
      return (sqlite.prepare('select import_start_date as c from ec_settings where id = ?').get(settingId) as { c: string | null } | undefined)?.c ?? null;
    },

    importSettings(today: string): DashboardImport['settings'] {
      const settings = sqlite.prepare('select id, name, import_start_date as cursor from ec_settings order by id').all() as { id: number; name: string; cursor: string | null }[];
      const watch = sqlite.prepare('select reason, count(*) as n from import_watch where ec_setting_id = ? group by reason');
      const last = sqlite.prepare(
        `select id, status, started_at as startedAt, finished_at as finishedAt, message, shipments_created as shipments, invoices_created as invoices, error_count as errors
         from import_runs where ec_setting_id = ? and dry_run = 0 order by id desc limit 1`,
      );
      const review = sqlite.prepare("select count(distinct order_code) as n from system_logs where run_id = ? and level in ('error', 'warn') and order_code is not null");
      return settings.map((s) => {
        const w = new Map((watch.all(s.id) as { reason: string; n: number }[]).map((r) => [r.reason, r.n]));
        const lastRun = (last.get(s.id) as DashboardImport['settings'][number]['lastRun'] | undefined) ?? null;
        return {
          settingId: s.id,
          name: s.name,
          cursor: s.cursor,
          caughtUp: s.cursor !== null && s.cursor >= today,
          waitingPartial: w.get('partially-shipped') ?? 0,
          waitingNone: w.get('not-shipped') ?? 0,
          needsReview: lastRun ? (review.get(lastRun.id) as { n: number }).n : 0,
          lastRun,
        };
      });
    },
  };
}

export type DashboardRepository = ReturnType<typeof createDashboardRepository>;
