/** IPC handlers of 在庫 over the stock feature's services; each write announces `data:changed` (stock). */
import type { Handlers } from '../ipc/handler-types';
import type { Logger } from '../ports';
import type { StockFeature } from './stock-feature';
import { stockListCsv, stockSlipsCsv } from './stock-csv';

type StockChannel = Extract<keyof Handlers, `stockSlips:${string}` | `stock:${string}`>;

export interface StockHandlerDeps {
  stock: StockFeature;
  now(): string;
  logger: Logger;
  /** announces that stock data changed (renderer invalidates its stock queries) */
  changed(): void;
}

export function createStockHandlers(d: StockHandlerDeps): Pick<Handlers, StockChannel> {
  const { slips, reconcile, pusher, repos } = d.stock;
  const write = <T>(fn: () => T): T => {
    const r = fn();
    d.changed();
    return r;
  };
  const writeAsync = async <T>(fn: () => Promise<T>): Promise<T> => {
    const r = await fn();
    d.changed();
    return r;
  };
  return {
    'stockSlips:list': (q) => repos.slips.list(q),
    'stockSlips:get': ({ id }) => repos.slips.detail(id),
    'stockSlips:create': (input) => write(() => slips.create(input)),
    'stockSlips:update': ({ id, values }) => write(() => slips.update(id, values)),
    'stockSlips:delete': ({ id }) => write(() => slips.remove(id)),
    'stockSlips:confirm': ({ id }) => write(() => slips.confirm(id)),
    'stockSlips:unconfirm': ({ id }) => write(() => slips.unconfirm(id)),
    'stockSlips:export': ({ query, encoding }) => {
      const { rows } = repos.slips.list({ ...query, limit: query?.limit ?? 100_000 });
      return stockSlipsCsv(
        rows.map((r) => repos.slips.detail(r.id)),
        encoding,
        d.now(),
      );
    },
    'stock:list': (q) => {
      const { rows, total } = repos.ledger.list(q);
      const byWarehouse = new Map<number, { warehouseId: number; warehouseCode: string; quantity: number }>();
      for (const r of rows) {
        const w = byWarehouse.get(r.warehouseId) ?? { warehouseId: r.warehouseId, warehouseCode: r.warehouseCode, quantity: 0 };
        w.quantity += r.quantity;
        byWarehouse.set(r.warehouseId, w);
      }
      return { rows, total, totals: { quantity: rows.reduce((s, r) => s + r.quantity, 0), byWarehouse: [...byWarehouse.values()] } };
    },
    'stock:movements': ({ warehouseId, productId, limit }) => repos.ledger.movements(warehouseId, productId, limit),
    'stock:export': ({ query, encoding }) => stockListCsv(repos.ledger.list(query ?? {}).rows, encoding, d.now()),
    'stock:outbox': (q) => ({ rows: repos.outbox.list(q) }),
    'stock:counts': (q) => repos.outbox.counts(q?.settingId),
    'stock:push': (q) => writeAsync(() => pusher.pushNow(q?.settingId === undefined ? undefined : d.stock.defaultSetting(q.settingId))),
    'stock:retry': async ({ ids }) => {
      const updated = repos.outbox.retry(ids, d.now());
      d.changed();
      if (updated > 0) await pusher.pushNow();
      return { updated };
    },
    'stock:dismiss': ({ ids, reason }) =>
      write(() => {
        const text = `Bカートの在庫を確認済みとして閉じました${reason ? `（${reason}）` : ''}。`;
        const updated = repos.outbox.dismiss(ids, text, d.now());
        if (updated > 0) repos.settings.log('info', 'STOCK_AMBIGUOUS_DISMISSED', `在庫反映: 要確認 ${updated} 件を${text}`, d.now());
        return { updated };
      }),
    'stock:reconcile': async (q) => reconcile.reconcile(settingOf(q?.settingId)),
    'stock:correct': ({ settingId, productIds }) => writeAsync(() => reconcile.correct(settingId, productIds)),
    'stock:migrationPreview': ({ settingId }) => reconcile.migrationPreview(settingId),
    'stock:migrationApply': ({ settingId }) => writeAsync(() => reconcile.migrationApply(settingId)),
    'stock:options': ({ settingId }) => ({ settingId, pushRoute: repos.settings.pushRoute(settingId) }),
    'stock:setOptions': ({ settingId, pushRoute }) =>
      write(() => {
        repos.settings.setPushRoute(settingId, pushRoute, d.now());
        return { settingId, pushRoute };
      }),
  };

  function settingOf(id: number | undefined): number {
    return d.stock.defaultSetting(id);
  }
}
